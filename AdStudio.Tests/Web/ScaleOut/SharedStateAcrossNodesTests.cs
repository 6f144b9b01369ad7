using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Training;
using AdStudio.Tests.Core.Creatives;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML;

namespace AdStudio.Tests.Web.ScaleOut;

/// <summary>
/// Two AdStudio apps in one process (two <see cref="AdStudioFactory"/> instances, each on real Kestrel with its own data
/// folder) on one PostgreSQL database: what one node writes — a creative image, a model promotion, a sign-in token —
/// the other serves, reading it from the database, since the data folders are not shared.
/// </summary>
/// <remarks>PostgreSQL only: two nodes need a database server they both reach; SQLite is one node's file.</remarks>
[Collection(RunningApp.Name)]
[Trait("Storage", "PostgresOnly")]
public sealed class SharedStateAcrossNodesTests : IAsyncLifetime, IDisposable
{
    private readonly string _folderA = TempFolder.Create("node-a");
    private readonly string _folderB = TempFolder.Create("node-b");
    private AdStudioFactory _nodeA = null!;
    private AdStudioFactory _nodeB = null!;

    public Task InitializeAsync()
    {
        // No demo: neither node seeds, so nothing runs but what the test asks for. B gets A's database, not its folder.
        var shared = new Dictionary<string, string> { ["Demo:Enabled"] = "false" };
        _nodeA = new AdStudioFactory(_folderA, shared);
        _nodeB = new AdStudioFactory(_folderB, new Dictionary<string, string>(shared)
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = TestStorage.TargetFor(_folderA).ConnectionString,
        });
        _nodeA.StartServer();
        _nodeB.StartServer();
        return Task.CompletedTask;
    }

    /// <summary>xunit calls <see cref="DisposeAsync"/> first; this only covers hosts that were never initialised.</summary>
    public void Dispose()
    {
        _nodeB?.Dispose();
        _nodeA?.Dispose();
    }

    public async Task DisposeAsync()
    {
        await _nodeB.DisposeAsync();
        await _nodeA.DisposeAsync();
        await TestStorage.DropAsync(_folderA);
        TempFolder.Delete(_folderA);
        TempFolder.Delete(_folderB);
    }

    [Fact]
    public async Task Image_UploadedThroughNodeA_IsServedByNodeBWithItsHeaders()
    {
        // Arrange
        using var clientA = await _nodeA.CreateAdminClientAsync();
        using var clientB = _nodeB.CreateClient();
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
        Assert.False(Directory.Exists(Path.Combine(_folderA, "creatives")), "On PostgreSQL images live in the database, not in a node's folder.");
    }

    [Fact]
    public async Task Model_PromotedOnNodeA_ServesOnNodeBAfterItsNextRefresh()
    {
        // Arrange: a real (tiny) click model, saved through node A's file store as training would.
        var id = await AddCandidateModelAsync(_nodeA.Services);
        using var clientA = await _nodeA.CreateAdminClientAsync();
        using var clientB = await _nodeB.CreateAdminClientAsync();

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
        using var plainA = _nodeA.CreateClient();
        using var plainB = _nodeB.CreateClient();
        var fromA = await TestCredentials.TokenAsync(plainA);
        var fromB = await TestCredentials.TokenAsync(plainB);
        using var clientA = TestCredentials.Authorize(_nodeA.CreateClient(), fromB);
        using var clientB = TestCredentials.Authorize(_nodeB.CreateClient(), fromA);

        // Act
        using var onB = await clientB.GetAsync("/api/models");
        using var onA = await clientA.GetAsync("/api/models");

        // Assert
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
    }

    private static async Task<int> AddCandidateModelAsync(IServiceProvider services)
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
        await services.GetRequiredService<ModelFiles>().SaveAsync(new MLContext(1), trained.Model, trained.Schema, fileName, CancellationToken.None);
        await using var db = await services.GetRequiredService<IDbContextFactory<AdStudioDb>>().CreateDbContextAsync();
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
}
