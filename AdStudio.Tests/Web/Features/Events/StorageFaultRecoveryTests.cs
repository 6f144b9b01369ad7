using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;
using AdStudio.Core.Events;
using AdStudio.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdStudio.Tests.Web.Features.Events;

/// <summary>
/// Storage faults against the real app: a read-only data folder, another connection holding the write lock,
/// and a full disk (injected SQLITE_FULL). Each must answer 503 with Retry-After, turn /health Unhealthy,
/// and heal by itself as soon as storage works again: no restart.
/// </summary>
[Collection(StorageFaults.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class StorageFaultRecoveryTests(StorageFaultAppHost host)
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(7);

    private AppHost App => host.App;

    private static Task<HttpResponseMessage> PostViewAsync(HttpClient client, string shopperId) =>
        client.PostAsJsonAsync("/events", new
        {
            events = new[]
            {
                new { type = "view", shopperId, timestamp = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("O"), category = "books", productId = "b-1" },
            },
        });

    private static async Task<string> HealthAsync(HttpClient client, string path = "/health")
    {
        using var response = await client.GetAsync(path);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString()!;
    }

    private async Task<int> StoredViewsAsync(string shopperId)
    {
        await using var db = App.OpenDb();
        return await db.BehaviourEvents.CountAsync(e => e.ShopperId == shopperId);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string cause)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(RetryAfter, response.Headers.RetryAfter?.Delta);
        Assert.Contains(cause, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // SqliteOnly: a read-only data folder is a SQLite file fault; PostgreSQL's read-only faults are in StorageFaultsPostgresTests.
    [Fact]
    [Trait("Storage", "SqliteOnly")]
    public async Task Events_DataFolderReadOnlyThenWritable_ResumesWithoutRestart()
    {
        using var client = App.CreateStorefrontClient();
        var shopper = $"ro-{Guid.NewGuid():N}";
        await ShopperConsent.GiveAsync(client, shopper);
        using (var before = await PostViewAsync(client, shopper))
        {
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        }

        HttpResponseMessage during;
        string healthDuring;
        using (new ReadOnlyData(App.DataDirectory))
        {
            // Connections opened before the fault keep their writable handles; the pool's idle pruning (every 2–8
            // minutes) replaces them with new ones, which SQLite opens read-only. Empty the pool as pruning would.
            SqliteConnection.ClearAllPools();
            during = await PostViewAsync(client, shopper);
            healthDuring = await HealthAsync(client, "/health/ready");
        }

        using var after = await PostViewAsync(client, shopper);
        var healthAfter = await HealthAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.True(after.StatusCode == HttpStatusCode.Accepted, $"{(int)after.StatusCode} after the folder is writable again: {await after.Content.ReadAsStringAsync()}\n" + string.Join("\n", host.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).TakeLast(20).Select(e => $"{e.Category}: {e.Message}")));
        await AssertUnavailableAsync(during, "read-only");
        during.Dispose();
        Assert.Equal("Unhealthy", healthDuring);
        Assert.Equal("Healthy", healthAfter);
        Assert.Equal(2, await StoredViewsAsync(shopper));
    }

    // SqliteOnly: SQLite's single write lock; PostgreSQL writers lock rows, not the database.
    [Fact]
    [Trait("Storage", "SqliteOnly")]
    public async Task Events_WriteLockHeldByAnotherConnection_FailsFastWith503ThenRecovers()
    {
        using var client = App.CreateClient();
        var shopper = $"lock-{Guid.NewGuid():N}";
        await ShopperConsent.GiveAsync(client, shopper);

        HttpResponseMessage during;
        TimeSpan waited;
        string healthDuring;
        await using (await WriteLock.TakeAsync(App.DataDirectory))
        {
            var watch = Stopwatch.StartNew();
            during = await PostViewAsync(client, shopper);
            waited = watch.Elapsed;
            healthDuring = await HealthAsync(client);
        }

        using var after = await PostViewAsync(client, shopper);
        var healthAfter = await HealthAsync(client);

        await AssertUnavailableAsync(during, "locked");
        during.Dispose();
        // Not a timing benchmark: the bound only tells "gave up after the write timeout" from SQLite's 30 s default wait.
        Assert.True(waited < TimeSpan.FromSeconds(20), $"The client was held {waited.TotalSeconds:F1} s.");
        Assert.Equal("Unhealthy", healthDuring);
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        Assert.Equal("Healthy", healthAfter);
        Assert.Equal(1, await StoredViewsAsync(shopper));
    }

    [Fact]
    public async Task Events_DiskFull_Answers503AndRecoversWhenSpaceReturns()
    {
        using var client = App.CreateClient();
        var shopper = $"full-{Guid.NewGuid():N}";
        await ShopperConsent.GiveAsync(client, shopper);

        host.Commits.FailNext(int.MaxValue);
        HttpResponseMessage during;
        string healthDuring;
        try
        {
            during = await PostViewAsync(client, shopper);
            healthDuring = await HealthAsync(client);
        }
        finally
        {
            host.Commits.FailNext(0);
        }

        using var after = await PostViewAsync(client, shopper);
        var healthAfter = await HealthAsync(client);

        await AssertUnavailableAsync(during, "disk is full");
        during.Dispose();
        var logged = host.Logs.Entries.Where(e => e.Message.StartsWith("POST /events answered 503", StringComparison.Ordinal)).ToList();
        Assert.Contains(logged, e => e.Level == LogLevel.Warning && e.Message.Contains("the disk is full", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(shopper, StringComparison.Ordinal));
        Assert.Equal("Unhealthy", healthDuring);
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        Assert.Equal("Healthy", healthAfter);
        Assert.Equal(1, await StoredViewsAsync(shopper));
    }

    [Fact]
    public async Task TrackingUrls_DiskFull_PixelAnswers503AndClickStillRedirects()
    {
        using var client = App.CreateClient(followRedirects: false);
        const string shopper = "shopper-000021";
        using var served = await client.PostAsJsonAsync("/serve", new { shopperId = shopper, placement = "sidebar" });
        var ad = await served.Content.ReadFromJsonAsync<JsonElement>();
        var decisionId = ad.GetProperty("decisionId").GetString()!;

        host.Commits.FailNext(int.MaxValue);
        HttpResponseMessage pixel;
        HttpResponseMessage click;
        try
        {
            pixel = await client.GetAsync(new Uri(ad.GetProperty("impressionUrl").GetString()!));
            click = await client.GetAsync(new Uri(ad.GetProperty("clickUrl").GetString()!));
        }
        finally
        {
            host.Commits.FailNext(0);
        }

        await AssertUnavailableAsync(pixel, "disk is full");
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.StartsWith("https://", click.Headers.Location!.ToString(), StringComparison.Ordinal);
        pixel.Dispose();
        click.Dispose();
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("was not stored: the disk is full", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("GET /i answered 503", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(shopper, StringComparison.Ordinal));
        await using var db = App.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.DecisionId == decisionId && e.Type == AdEventType.Click));
    }
}
