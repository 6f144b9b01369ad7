using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdStudio.Tests.Support;

/// <summary>
/// A running app whose every log entry at Information and above, from every category (ASP.NET Core's request lines and
/// EF Core's commands included, which the default settings keep at Warning), is captured in <see cref="Logs"/>.
/// </summary>
public sealed class LoggedAppHost : IAsyncLifetime, IDisposable
{
    public LoggedAppHost()
    {
        App = new AppHost(
            new Dictionary<string, string>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information",
                ["Logging:LogLevel:Hangfire"] = "Information",
            },
            services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    public CapturedLogs Logs { get; } = new();

    public AppHost App { get; }

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>xunit calls <see cref="DisposeAsync"/> first; this only covers a host that was never initialised.</summary>
    public void Dispose() => App.Dispose();
}
