using System.Net.Http.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Web.Features.Pipeline;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Support;

/// <summary>
/// One running AdStudio for the API and browser tests: started on Kestrel, seeded with a small demo
/// world through its own first-start seed job, and torn down with its data folder afterwards.
/// </summary>
public sealed class AppHost : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);
    private readonly string _dataDirectory = TempFolder.Create("app");
    private readonly IReadOnlyDictionary<string, string>? _overrides;
    private readonly Action<IServiceCollection>? _services;
    private AdStudioFactory? _factory;

    public AppHost()
    {
    }

    /// <summary>An app with extra settings (not public: xunit needs one public constructor on a fixture).</summary>
    internal AppHost(IReadOnlyDictionary<string, string> overrides) => _overrides = overrides;

    /// <summary>An app with extra settings and extra services (a test-only fault injector, for example).</summary>
    internal AppHost(IReadOnlyDictionary<string, string> overrides, Action<IServiceCollection> services)
    {
        _overrides = overrides;
        _services = services;
    }

    public string DataDirectory => _dataDirectory;

    /// <summary>Headers every client of this app sends, such as the <c>X-Forwarded-Proto</c> a TLS-terminating proxy adds.</summary>
    internal IReadOnlyDictionary<string, string> ClientHeaders { get; init; } = new Dictionary<string, string>();

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>The bootstrap admin's bearer token, fetched once at start.</summary>
    public string AdminToken { get; private set; } = "";

    /// <summary>A client acting as the bootstrap admin and the test storefront, as most API tests need.</summary>
    public HttpClient CreateClient(bool followRedirects = true) => TestCredentials.Authorize(CreateAnonymousClient(followRedirects), AdminToken);

    /// <summary>The admin bearer token and the storefront key as raw header lines, for tests that write HTTP by hand.</summary>
    public string[] CredentialHeaders => [$"Authorization: Bearer {AdminToken}", $"{TestCredentials.StorefrontKeyHeader}: {TestCredentials.StorefrontKey}"];

    /// <summary>A client acting as the test storefront only (its key header, no user), as a shop's servers call /serve and /events.</summary>
    public HttpClient CreateStorefrontClient()
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(TestCredentials.StorefrontKeyHeader, TestCredentials.StorefrontKey);
        return client;
    }

    /// <summary>A client with no credentials at all.</summary>
    public HttpClient CreateAnonymousClient(bool followRedirects = true) =>
        WithClientHeaders(new(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = BaseAddress });

    internal HttpClient WithClientHeaders(HttpClient client)
    {
        foreach (var (name, value) in ClientHeaders)
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        return client;
    }

    public AdStudioDb OpenDb() => Services.GetRequiredService<IDbContextFactory<AdStudioDb>>().CreateDbContext();

    public async Task InitializeAsync()
    {
        _factory = new AdStudioFactory(_dataDirectory, _overrides, _services);
        _factory.StartServer();
        using (var client = WithClientHeaders(_factory.CreateClient()))
        {
            BaseAddress = client.BaseAddress!;
            AdminToken = await TestCredentials.TokenAsync(client);
        }

        await WaitForDemoAsync();
    }

    /// <summary>xunit calls <see cref="DisposeAsync"/> first; this only covers a host that was never initialised.</summary>
    public void Dispose() => _factory?.Dispose();

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        await TestStorage.DropAsync(_dataDirectory);
        TempFolder.Delete(_dataDirectory);
    }

    /// <summary>Polls a run through the public API until it has finished.</summary>
    public async Task<PipelineRunDto> WaitForRunAsync(int runId, TimeSpan timeout)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var run = await client.GetFromJsonAsync<PipelineRunDto>($"/api/pipeline/runs/{runId}");
            if (run!.Status is "succeeded" or "failed")
            {
                return run;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Run {runId} ({run.Step}) is still {run.Status} at {run.Progress} %. {HangfireView.Describe(Services)}");
            }

            await Task.Delay(100);
        }
    }

    private async Task WaitForDemoAsync()
    {
        if (_overrides?.GetValueOrDefault("Demo:Enabled") == "false")
        {
            return;
        }

        using var client = CreateClient();
        var runs = await client.GetFromJsonAsync<PipelineRunDto[]>("/api/pipeline/runs");
        var seed = runs!.Single(r => r.Step == "seed");
        var done = await WaitForRunAsync(seed.Id, StartupTimeout);
        if (done.Status != "succeeded")
        {
            throw new InvalidOperationException($"The demo seed failed: {done.Message}");
        }

        // The snapshot refresher picks the new campaigns up within a second.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.PostAsJsonAsync("/serve", new { shopperId = "warm-up", placement = "sidebar" });
            if (response.StatusCode == System.Net.HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The serving snapshot never picked up the demo campaigns.");
    }
}
