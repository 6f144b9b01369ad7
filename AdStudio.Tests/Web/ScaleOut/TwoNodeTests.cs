using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Shop;
using AdStudio.Tests.Core.Creatives;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.ML;

namespace AdStudio.Tests.Web.ScaleOut;

/// <summary>
/// Two AdStudio processes on one PostgreSQL database (<see cref="TwoNodes"/>): what one node accepts or writes — an
/// impression's charge, a creative image, a model promotion, a sign-in token — the other acts on within one snapshot
/// refresh, reading it from the database, since the nodes share nothing else.
/// </summary>
/// <remarks>PostgreSQL only: two nodes need a database server they both reach; SQLite is one node's file.</remarks>
// Not beside other tests: their nodes are real processes whose heartbeats must not starve on a loaded machine.
[Collection(OwnApps.Name)]
[Trait("Storage", "PostgresOnly")]
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    /// <summary>How long B may take to see what A wrote: a few refreshes plus the event writer's flush, generously.</summary>
    private static readonly TimeSpan WithinRefresh = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Impression_AcceptedByNodeA_CountsTowardTheBudgetOnNodeB()
    {
        // Arrange: one campaign left active, billed per impression, with room for a couple of impressions today.
        using var clientA = nodes.Client(nodes.A);
        using var clientB = nodes.Client(nodes.B);
        var campaignId = (await ServeAsync(clientB))!.Value;
        await LeaveOnlyAsync(campaignId, headroom: 0.015);
        // Both snapshots must have dropped the other campaigns before A starts spending.
        await Poll.UntilAsync(() => ServesOnlyAsync(clientA, campaignId), only => only, WithinRefresh, "A serves only the campaign with budget left");
        await Poll.UntilAsync(() => ServesOnlyAsync(clientB, campaignId), only => only, WithinRefresh, "B serves only the campaign with budget left");

        // Act: impressions accepted by A until A itself has spent the budget.
        var impressions = 0;
        while (await ServeAndShowAsync(clientA) is { } shown)
        {
            Assert.Equal(campaignId, shown);
            Assert.True(++impressions < 100, "A never spent the budget.");
        }

        // Assert: B, which served none of them, stops too once its next snapshot reads A's charges.
        var onB = await Poll.UntilAsync(() => ServeAsync(clientB), c => c is null, WithinRefresh, "B stops serving the campaign A spent");
        Assert.Null(onB);
        Assert.InRange(impressions, 1, 99);
    }

    [Fact]
    public async Task Image_UploadedThroughNodeA_IsServedByNodeBWithItsHeaders()
    {
        // Arrange
        using var clientA = nodes.Client(nodes.A);
        using var clientB = nodes.B.CreateClient();
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(TestImages.Png(300, 250));
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(part, "files", "a.png");

        // Act
        using var uploaded = await clientA.PostAsync("/api/creatives", form);
        var created = (await uploaded.Content.ReadFromJsonAsync<JsonElement>())[0];
        using var image = await clientB.GetAsync(created.GetProperty("imageUrl").GetString());
        using var thumbnail = await clientB.GetAsync(created.GetProperty("thumbnailUrl").GetString());

        // Assert
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.True(image.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(365), image.Headers.CacheControl?.MaxAge);
        Assert.Equal($"\"{Path.GetFileNameWithoutExtension(created.GetProperty("imageUrl").GetString())}\"", image.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        await using var db = nodes.OpenDb();
        Assert.True(await db.StoredFiles.AnyAsync(f => f.Path.StartsWith("creatives/")), "On PostgreSQL images live in the database, not in a node's folder.");
    }

    [Fact]
    public async Task Model_PromotedOnNodeA_ServesOnNodeBAfterItsNextRefresh()
    {
        // Arrange: a real (tiny) click model, saved through node A's file store as training would.
        var id = await AddCandidateModelAsync();
        using var clientA = nodes.Client(nodes.A);
        using var clientB = nodes.Client(nodes.B);

        // Act
        using var promoted = await clientA.PostAsync($"/api/models/{id}/promote", null);

        // Assert: B learns of the promotion only from the database, at its next refresh (1 s in tests).
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var serving = await Poll.UntilAsync(
            () => clientB.GetFromJsonAsync<JsonElement>("/api/models/serving"),
            s => s.GetProperty("ctrModelId").ValueKind == JsonValueKind.Number,
            TimeSpan.FromSeconds(60),
            "node B to serve the model promoted on node A");
        Assert.Equal(id, serving.GetProperty("ctrModelId").GetInt32());
        Assert.Equal(0, serving.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task BearerToken_IssuedByEitherNode_IsAcceptedByTheOther()
    {
        // Arrange: one Data Protection key ring in the database.
        using var plainA = nodes.A.CreateClient();
        using var plainB = nodes.B.CreateClient();
        var fromA = await TestCredentials.TokenAsync(plainA);
        var fromB = await TestCredentials.TokenAsync(plainB);
        using var clientA = TestCredentials.Authorize(nodes.A.CreateClient(), fromB);
        using var clientB = TestCredentials.Authorize(nodes.B.CreateClient(), fromA);

        // Act
        using var onB = await clientB.GetAsync("/api/models");
        using var onA = await clientA.GetAsync("/api/models");

        // Assert
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
    }

    /// <summary>A real (tiny) click model saved into the shared store as node A's training would, then registered as a candidate.</summary>
    private async Task<int> AddCandidateModelAsync()
    {
        var layout = new FeatureLayout(["books"], ["sidebar"]);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 60).Select(i =>
        {
            var features = Enumerable.Range(0, layout.Width).Select(_ => (float)random.NextDouble()).ToArray();
            return new ClickRow(DateTime.UnixEpoch.AddHours(i), $"s{i}", 1, i % 24, features, Clicked: features[0] > 0.5f);
        }).ToList();
        var trained = new ClickModelTrainer().Fit(TrainerKind.LogisticRegression, ModelKind.Ctr, rows, rows);
        var fileName = "ctr-two-nodes.zip";
        var factory = new PooledDbContextFactory<AdStudioDb>(nodes.Database.Options());
        await new ModelFiles(new DatabaseFileStore(factory, TimeProvider.System)).SaveAsync(new MLContext(1), trained.Model, trained.Schema, fileName, CancellationToken.None);
        await using var db = nodes.OpenDb();
        var version = new ModelVersion
        {
            Kind = ModelKind.Ctr,
            Trainer = TrainerKind.LogisticRegression,
            Status = ModelStatus.Candidate,
            FileName = fileName,
            TrainedAt = DateTime.UtcNow,
            FeatureLayoutJson = JsonSerializer.Serialize(layout),
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync();
        return version.Id;
    }

    /// <summary>Asks the node for an ad for a new shopper (no frequency cap applies); the campaign served, or null for none.</summary>
    private static async Task<int?> ServeAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/serve", new { shopperId = $"s-{Guid.NewGuid():N}", placement = "sidebar" });
        return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaignId").GetInt32() : null;
    }

    /// <summary>Whether ten decisions in a row all pick <paramref name="campaignId"/>: one pick could be exploration among several.</summary>
    private static async Task<bool> ServesOnlyAsync(HttpClient client, int campaignId)
    {
        for (var i = 0; i < 10; i++)
        {
            if (await ServeAsync(client) != campaignId)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Serves an ad and fires its impression pixel, as the shopper's browser would; the campaign shown, or null for none.</summary>
    private static async Task<int?> ServeAndShowAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/serve", new { shopperId = $"s-{Guid.NewGuid():N}", placement = "sidebar" });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var ad = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var pixel = await client.GetAsync(ad.GetProperty("impressionUrl").GetString());
        Assert.True(pixel.IsSuccessStatusCode, $"The impression pixel answered {(int)pixel.StatusCode}.");
        return ad.GetProperty("campaignId").GetInt32();
    }

    /// <summary>Pauses every other campaign and bills <paramref name="campaignId"/> per impression with <paramref name="headroom"/> of today's budget left.</summary>
    private async Task LeaveOnlyAsync(int campaignId, double headroom)
    {
        await using var db = nodes.OpenDb();
        var today = ShopDay.Containing(DateTime.UtcNow, TimeZoneInfo.Utc);
        var spent = await DailySpend.OfCampaignAsync(db, campaignId, today, CancellationToken.None);
        foreach (var campaign in await db.Campaigns.Where(c => c.Status == CampaignStatus.Active).ToListAsync())
        {
            if (campaign.Id != campaignId)
            {
                campaign.Status = CampaignStatus.Paused;
                continue;
            }

            (campaign.BidType, campaign.Bid, campaign.FrequencyCapPerDay) = (BidType.Cpm, 10, null);
            (campaign.DailyBudget, campaign.TotalBudget) = (spent + headroom, 1_000_000);
        }

        await db.SaveChangesAsync();
    }
}
