using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace AdStudio.Tests.Web.Features.Pipeline;

/// <summary>
/// Two AdStudio processes on one PostgreSQL database (each with its own data folder), sharing Hangfire's queue and the
/// run ledger. PostgreSQL only: SQLite is one node by design (one process owns the file, jobs queue in memory).
/// </summary>
// Not beside other tests: their nodes are real processes whose heartbeats must not starve on a loaded machine.
[Collection(OwnApps.Name)]
[Trait("Storage", "PostgresOnly")]
public sealed class PipelineTwoNodeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);
    private readonly string _dirA = TempFolder.Create("node-a");
    private readonly string _dirB = TempFolder.Create("node-b");
    private readonly List<NodeProcess> _processes = [];

    public Task InitializeAsync()
    {
        Assert.True(TestStorage.IsPostgres, "Two nodes need PostgreSQL: run with ADSTUDIO_TEST_PROVIDER=Postgres.");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        // Both data folders use A's database.
        await TestStorage.DropAsync(_dirA);
        TempFolder.Delete(_dirA);
        TempFolder.Delete(_dirB);
    }

    [Fact]
    public async Task Seed_BothNodesStartTogether_RunsExactlyOnce()
    {
        StartNode(_dirA, ("Demo:Shoppers", "300"), ("Demo:Days", "3"));
        StartNode(_dirB, ("Demo:Shoppers", "300"), ("Demo:Days", "3"));

        var seed = await Poll.UntilAsync(() => SeedRunAsync(), r => r is { Status: PipelineRunStatus.Succeeded or PipelineRunStatus.Failed }, Generous, "the seed finishes");
        var nodes = await Poll.UntilAsync(LiveNodeCountAsync, n => n == 2, Generous, "both nodes beat");

        await using var db = Open();
        Assert.Equal(1, await db.PipelineRuns.CountAsync(r => r.Step == PipelineSteps.Seed));
        Assert.Equal((PipelineRunStatus.Succeeded, 1), (seed!.Status, seed.Attempt));
        Assert.NotNull(seed.NodeId);
        Assert.Equal(1, await ProcessingCountAsync(seed.Id));
        Assert.Equal(2, nodes);
    }

    [Fact]
    public async Task KillNodeRunningSeed_OtherNodeTakesOver_FinishesItOnceAsSecondAttempt()
    {
        // Large enough that the seed runs for several seconds, so it is still running when A is killed.
        (string, string)[] demo = [("Demo:Shoppers", "4000"), ("Demo:Days", "7")];
        var a = StartNode(_dirA, demo);
        var killed = await Poll.UntilAsync(() => SeedRunAsync(), r => r is { Status: PipelineRunStatus.Running, Progress: > 0 }, Generous, "A runs the seed");
        StartNode(_dirB, demo);
        await Poll.UntilAsync(LiveNodeCountAsync, n => n == 2, Generous, "B joins");
        var beforeKill = await SeedRunAsync();

        await a.KillAsync();
        var done = await Poll.UntilAsync(() => SeedRunAsync(), r => r is { Status: PipelineRunStatus.Succeeded or PipelineRunStatus.Failed }, Generous, "B finishes the seed");

        output.WriteLine($"killed on {killed!.NodeId} at {beforeKill!.Progress} %; then on {done!.NodeId}: {done.Message}");
        Assert.Equal(PipelineRunStatus.Running, beforeKill.Status);
        await using var db = Open();
        Assert.Equal(1, await db.PipelineRuns.CountAsync(r => r.Step == PipelineSteps.Seed));
        Assert.Equal((PipelineRunStatus.Succeeded, 2), (done.Status, done.Attempt));
        Assert.NotEqual(killed.NodeId, done.NodeId);
        Assert.Equal(killed.StartedAt, done.StartedAt);
        Assert.NotNull(done.InterruptedAt);
        Assert.StartsWith("Seeded", done.Message, StringComparison.Ordinal);
        // A's job (still invisible in Hangfire's queue) plus B's one re-queued job: B processed the run once.
        Assert.Equal(2, await ProcessingCountAsync(done.Id));
    }

    [Fact]
    public async Task RecurringSchedule_TwoNodes_FiresOnceForEachOccurrence()
    {
        // Every five seconds on both nodes; each occurrence must become exactly one Hangfire job for the cluster.
        (string, string)[] every5s = [("Demo:Shoppers", "300"), ("Demo:Days", "3"), ("Pipeline:RollupCron", "*/5 * * * * *")];
        StartNode(_dirA, every5s);
        StartNode(_dirB, every5s);

        var times = await Poll.UntilAsync(() => OccurrencesAsync("rollup"), t => t.Count >= 4, Generous, "four rollup occurrences");

        output.WriteLine(string.Join(", ", times));
        Assert.Equal(times.Count, times.Distinct(StringComparer.Ordinal).Count());
    }

    private NodeProcess StartNode(string dataDirectory, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Data:Directory"] = dataDirectory,
            ["Storage:Provider"] = "Postgres",
            // The same database for both nodes: A's.
            ["ConnectionStrings:Postgres"] = TestStorage.TargetFor(_dirA).ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Demo:Seed"] = "5",
            ["Pipeline:ProfileCron"] = "",
            ["Pipeline:ScoreCron"] = "",
            ["Pipeline:TrainCron"] = "",
            ["Pipeline:RollupCron"] = "",
            ["Pipeline:RetentionCron"] = "",
            // Short beats, so a killed node counts as gone after three seconds and the sweep runs every second.
            ["Pipeline:NodeHeartbeatSeconds"] = "1",
            ["Pipeline:NodeGoneAfterBeats"] = "3",
            ["Pipeline:HeartbeatSeconds"] = "1",
            ["Pipeline:OrphanAfterSeconds"] = "30",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var node = NodeProcess.Start(settings, output, Path.GetFileName(dataDirectory));
        _processes.Add(node);
        return node;
    }

    private AdStudioDb Open() => new(TestStorage.TargetFor(_dirA).Options());

    private async Task<PipelineRun?> SeedRunAsync()
    {
        try
        {
            await using var db = Open();
            return await db.PipelineRuns.AsNoTracking().Where(r => r.Step == PipelineSteps.Seed).OrderBy(r => r.Id).FirstOrDefaultAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return null; // The database or its tables are not there until the first node has migrated.
        }
    }

    private async Task<int> LiveNodeCountAsync()
    {
        await using var db = Open();
        var fresh = DateTime.UtcNow.AddSeconds(-3);
        return await db.ClusterNodes.CountAsync(n => n.StoppedAt == null && n.HeartbeatAt >= fresh);
    }

    /// <summary>How many times a Hangfire worker started processing a job for the run (its first argument is the run id).</summary>
    private async Task<int> ProcessingCountAsync(int runId)
    {
        await using var connection = new NpgsqlConnection(TestStorage.TargetFor(_dirA).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid
            WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%RunAsync%' AND j.arguments::text LIKE @first
            """,
            connection);
        command.Parameters.AddWithValue("first", $"[\"{runId}\"%");
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The scheduled time of every job the recurring schedule created, one entry per job.</summary>
    private async Task<List<string>> OccurrencesAsync(string recurringJobId)
    {
        try
        {
            await using var connection = new NpgsqlConnection(TestStorage.TargetFor(_dirA).ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT t.value FROM hangfire.jobparameter r JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time'
                WHERE r.name = 'RecurringJobId' AND r.value::text = @id
                """,
                connection);
            command.Parameters.AddWithValue("id", $"\"{recurringJobId}\"");
            var times = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                times.Add(reader.GetString(0));
            }

            return times;
        }
        catch (PostgresException)
        {
            return []; // Hangfire's schema is not there yet.
        }
    }
}
