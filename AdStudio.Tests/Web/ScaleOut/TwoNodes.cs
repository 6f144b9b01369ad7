using System.Net;
using System.Net.Http.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AdStudio.Tests.Web.ScaleOut;

/// <summary>
/// Two AdStudio processes on loopback, each with its own data folder, sharing one PostgreSQL database (node A's) and
/// nothing else: a small demo seeded once for the cluster, snapshots refreshed every second.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    /// <summary>Serving snapshots are rebuilt this often on both nodes.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _folderA = TempFolder.Create("node-a");
    private readonly string _folderB = TempFolder.Create("node-b");

    public NodeProcess A { get; private set; } = null!;

    public NodeProcess B { get; private set; } = null!;

    /// <summary>The admin's bearer token, issued by node A (the key ring is shared, so B accepts it too).</summary>
    public string AdminToken { get; private set; } = "";

    public DatabaseTarget Database => TestStorage.TargetFor(_folderA);

    public AdStudioDb OpenDb() => new(Database.Options());

    /// <summary>A client for <paramref name="node"/> acting as the admin and the test storefront.</summary>
    public HttpClient Client(NodeProcess node) => TestCredentials.Authorize(node.CreateClient(), AdminToken);

    public async Task InitializeAsync()
    {
        A = NodeProcess.Start(Settings(_folderA), name: "A");
        B = NodeProcess.Start(Settings(_folderB), name: "B");
        using var anonymous = A.CreateClient();
        AdminToken = await Poll.UntilAsync(() => TokenOrEmptyAsync(anonymous), t => t.Length > 0, StartTimeout, "node A signs the admin in");
        var seed = await Poll.UntilAsync(SeedStatusAsync, s => s is PipelineRunStatus.Succeeded or PipelineRunStatus.Failed, StartTimeout, "the demo seed finishes");
        Assert.Equal(PipelineRunStatus.Succeeded, seed);
        foreach (var node in new[] { A, B })
        {
            using var client = Client(node);
            await Poll.UntilAsync(() => ServeStatusAsync(client), s => s == HttpStatusCode.OK, StartTimeout, "the node serves the demo campaigns");
        }
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await TestStorage.DropAsync(_folderA);
        TempFolder.Delete(_folderA);
        TempFolder.Delete(_folderB);
    }

    private Dictionary<string, string> Settings(string folder) => new()
    {
        ["Data:Directory"] = folder,
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Postgres"] = Database.ConnectionString,
        ["Demo:Enabled"] = "true",
        ["Demo:Shoppers"] = "300",
        ["Demo:Days"] = "3",
        ["Demo:Seed"] = "5",
        ["Shop:TimeZone"] = "UTC",
        ["Serving:SnapshotRefreshSeconds"] = Refresh.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pipeline:ProfileCron"] = "",
        ["Pipeline:ScoreCron"] = "",
        ["Pipeline:TrainCron"] = "",
        ["Pipeline:RollupCron"] = "",
        ["Pipeline:RetentionCron"] = "",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static async Task<string> TokenOrEmptyAsync(HttpClient client)
    {
        try
        {
            return await TestCredentials.TokenAsync(client);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
        {
            return ""; // Not listening yet, or still migrating.
        }
    }

    private async Task<PipelineRunStatus?> SeedStatusAsync()
    {
        try
        {
            await using var db = OpenDb();
            return await db.PipelineRuns.Where(r => r.Step == PipelineSteps.Seed).Select(r => (PipelineRunStatus?)r.Status).FirstOrDefaultAsync();
        }
        catch (PostgresException)
        {
            return null; // Migrating.
        }
    }

    private static async Task<HttpStatusCode> ServeStatusAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/serve", new { shopperId = "warm-up", placement = "sidebar" });
        return response.StatusCode;
    }
}
