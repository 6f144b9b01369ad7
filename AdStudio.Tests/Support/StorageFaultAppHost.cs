using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdStudio.Tests.Support;

/// <summary>
/// A running app of its own for the storage-fault tests (they make its folder read-only, lock and "fill" its
/// database), with a <see cref="FailingCommits"/> injector added to its DbContext options and its logs captured.
/// </summary>
public sealed class StorageFaultAppHost : IAsyncLifetime, IDisposable
{
    public StorageFaultAppHost()
    {
        App = new AppHost(
            new Dictionary<string, string> { ["Events:RetryAfterSeconds"] = "7" },
            services => services.AddSingleton<IInterceptor>(Commits).AddSingleton<ILoggerProvider>(Logs));
    }

    public FailingCommits Commits { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public AppHost App { get; }

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>xunit calls <see cref="DisposeAsync"/> first; this only covers a host that was never initialised.</summary>
    public void Dispose() => App.Dispose();
}
