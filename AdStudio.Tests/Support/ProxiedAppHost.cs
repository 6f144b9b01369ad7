using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Support;

/// <summary>
/// A second app for the deployment settings: behind a TLS-terminating proxy on the loopback address (the test
/// client), without the demo (so without the seed step), and on a clock the tests can move forward.
/// </summary>
public sealed class ProxiedAppHost : IAsyncLifetime, IDisposable
{
    public ProxiedAppHost()
    {
        App = new AppHost(
            new Dictionary<string, string>
            {
                ["Demo:Enabled"] = "false",
                ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
                ["ForwardedHeaders:KnownProxies:1"] = "::1",
                ["ForwardedHeaders:ProxyTerminatesTls"] = "true",
            },
            services => services.AddSingleton<TimeProvider>(Clock))
        {
            // What the proxy in front adds to every request it passes on over TLS.
            ClientHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        };
    }

    /// <summary>Starts at the real time the host was made; tests move it forward to reach an expiry without waiting for it.</summary>
    public FixedClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public AppHost App { get; }

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>xunit calls <see cref="DisposeAsync"/> first; this only covers a host that was never initialised.</summary>
    public void Dispose() => App.Dispose();
}
