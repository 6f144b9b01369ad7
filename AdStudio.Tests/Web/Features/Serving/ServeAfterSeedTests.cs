using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling;
using AdStudio.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Serving;

/// <summary>
/// Its own app whose refresh timer effectively never fires after start-up (an hour), so only the refresh
/// the pipeline triggers can bring the demo campaigns to <c>/serve</c>.
/// </summary>
[Collection(OwnApps.Name)]
public sealed class ServeAfterSeedTests : IAsyncLifetime, IDisposable
{
    private readonly string _dataDirectory = TempFolder.Create("serve-after-seed");
    private AdStudioFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = new AdStudioFactory(_dataDirectory, new Dictionary<string, string> { ["Serving:SnapshotRefreshSeconds"] = "3600" });
        _factory.StartServer();
        _client = await _factory.CreateAdminClientAsync();
    }

    /// <summary>xunit calls <see cref="DisposeAsync"/> first; this only covers a host that was never initialised.</summary>
    public void Dispose()
    {
        _client?.Dispose();
        _factory?.Dispose();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TempFolder.Delete(_dataDirectory);
    }

    [Fact]
    public async Task Serve_RightAfterTheSeedRunSucceeds_AnswersAnAd()
    {
        await WaitForSeedAsync();

        using var response = await _client.PostAsJsonAsync("/serve", new { shopperId = "shopper-000001", placement = "sidebar" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Promote_SeveralVersionsAtOnce_AnswersOkOrConflictAndLeavesOneActive()
    {
        await WaitForSeedAsync();
        int[] ids;
        await using (var db = OpenDb())
        {
            var versions = Enumerable.Range(0, 4).Select(i => new ModelVersion
            {
                Kind = ModelKind.Cvr,
                Trainer = "logistic_regression",
                Status = ModelStatus.Candidate,
                FileName = $"missing-{i}.zip",
                TrainedAt = DateTime.UtcNow,
            }).ToList();
            db.ModelVersions.AddRange(versions);
            await db.SaveChangesAsync();
            ids = [.. versions.Select(v => v.Id)];
        }

        var responses = await Task.WhenAll(ids.Select(id => _client.PostAsync($"/api/models/{id}/promote", null)));

        await using var after = OpenDb();
        var active = await after.ModelVersions.Where(v => v.Kind == ModelKind.Cvr && v.Status == ModelStatus.Active).Select(v => v.Id).ToListAsync();
        Assert.Single(active);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private AdStudioDb OpenDb() => _factory.Services.GetRequiredService<IDbContextFactory<AdStudioDb>>().CreateDbContext();

    /// <summary>Polls the ledger through the API and returns the moment the seed run shows as succeeded.</summary>
    private async Task WaitForSeedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            var runs = await _client.GetFromJsonAsync<JsonElement>("/api/pipeline/runs");
            var seed = runs.EnumerateArray().FirstOrDefault(r => r.GetProperty("step").GetString() == "seed");
            var status = seed.ValueKind == JsonValueKind.Object ? seed.GetProperty("status").GetString() : null;
            if (status == "succeeded")
            {
                return;
            }

            Assert.NotEqual("failed", status);
            await Task.Delay(50);
        }

        throw new TimeoutException("The demo seed did not finish in two minutes.");
    }
}
