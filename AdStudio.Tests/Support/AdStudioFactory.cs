using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Support;

/// <summary>The real app on real Kestrel, with its data folder in a temporary directory and a small demo world.</summary>
public sealed class AdStudioFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private readonly Action<IServiceCollection>? _services;

    public AdStudioFactory(
        string dataDirectory, IReadOnlyDictionary<string, string>? overrides = null, Action<IServiceCollection>? services = null)
    {
        _dataDirectory = dataDirectory;
        _overrides = overrides ?? new Dictionary<string, string>();
        _services = services;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestStorage.SettingsFor(_dataDirectory))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Shoppers", "600");
        builder.UseSetting("Demo:Days", "7");
        builder.UseSetting("Demo:Seed", "5");
        builder.UseSetting("Serving:SnapshotRefreshSeconds", "1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in TestCredentials.Settings())
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in _overrides)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <summary>A client that acts as the bootstrap admin (bearer token) and the test storefront (key header).</summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = CreateClient();
        return TestCredentials.Authorize(client, await TestCredentials.TokenAsync(client));
    }
}
