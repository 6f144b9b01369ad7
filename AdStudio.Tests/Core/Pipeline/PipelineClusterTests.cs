using AdStudio.Core.Nodes;
using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdStudio.Tests.Core.Pipeline;

/// <summary>
/// Two nodes sharing one ledger in the real database (SQLite file or PostgreSQL): a run is claimed by exactly one of
/// them, and recovery takes back only the runs of a node that is gone, for a bounded number of attempts.
/// </summary>
public sealed class PipelineClusterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly NodeLiveness Liveness = new(TimeSpan.FromSeconds(5), MissedBeats: 3);
    private readonly FixedClock _clock = new(T0);
    private readonly NodeIdentity _a = new("node-a");
    private readonly NodeIdentity _b = new("node-b");
    private TestDatabase _db = null!;
    private PipelineLedger _ledgerA = null!;
    private PipelineLedger _ledgerB = null!;
    private NodeRegistry _nodeA = null!;
    private NodeRegistry _nodeB = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _ledgerA = new PipelineLedger(_db.Factory, _clock, _a);
        _ledgerB = new PipelineLedger(_db.Factory, _clock, _b);
        _nodeA = new NodeRegistry(_db.Factory, _a, NodeRoles.All, _clock);
        _nodeB = new NodeRegistry(_db.Factory, _b, NodeRoles.All, _clock);
        await _nodeA.RegisterAsync(CancellationToken.None);
        await _nodeB.RegisterAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task TryStartAsync_TwoNodesClaimTheSameRunAtOnce_ExactlyOneWins()
    {
        for (var round = 0; round < 10; round++)
        {
            var run = await _ledgerA.QueueAsync($"step-{round}", CancellationToken.None);

            var claims = await Task.WhenAll(
                Task.Run(() => _ledgerA.TryStartAsync(run.Id, CancellationToken.None)),
                Task.Run(() => _ledgerB.TryStartAsync(run.Id, CancellationToken.None)));

            Assert.Single(claims, c => c == 1);
            Assert.Single(claims, c => c is null);
            var claimed = await _ledgerA.FindAsync(run.Id, CancellationToken.None);
            Assert.Equal((PipelineRunStatus.Running, 1), (claimed!.Status, claimed.Attempt));
            Assert.Equal(claims[0] is null ? _b.Id : _a.Id, claimed.NodeId);
        }
    }

    [Fact]
    public async Task RecoverAsync_RunOfLiveNode_IsLeftAlone()
    {
        var run = await StartOnAAsync("train");
        _clock.Now = T0.AddSeconds(12);

        var requeued = await _ledgerB.RecoverAsync(Recovery(), CancellationToken.None);

        Assert.Empty(requeued);
        var still = await _ledgerB.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal((PipelineRunStatus.Running, _a.Id, 1), (still!.Status, still.NodeId, still.Attempt));
    }

    [Fact]
    public async Task RecoverAsync_RunOfNodeThatMissedItsBeats_IsQueuedAgainAndTakenByTheLiveNode()
    {
        var run = await StartOnAAsync("train");
        _clock.Now = T0.AddSeconds(16);
        await _nodeB.BeatAsync(CancellationToken.None);

        var requeued = await _ledgerB.RecoverAsync(Recovery(), CancellationToken.None);
        var attempt = await _ledgerB.TryStartAsync(run.Id, CancellationToken.None);

        Assert.Equal([run.Id], requeued.Select(r => r.Id));
        Assert.Equal(2, attempt);
        var again = await _ledgerB.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal((PipelineRunStatus.Running, _b.Id, _clock.Now.UtcDateTime), (again!.Status, again.NodeId, again.InterruptedAt));
        Assert.Contains($"(node {_a.Id}) at {T0.AddSeconds(16):u} during attempt 1 of 3", requeued[0].Message ?? "", StringComparison.Ordinal);
        Assert.False(await _ledgerA.SucceedAsync(run.Id, 1, "late news from node A", CancellationToken.None));
    }

    [Fact]
    public async Task RecoverAsync_RunOfCleanlyStoppedNode_IsQueuedAgainAtOnce()
    {
        var run = await StartOnAAsync("score");
        await _nodeA.StopAsync(CancellationToken.None);

        var requeued = await _ledgerB.RecoverAsync(Recovery(), CancellationToken.None);

        Assert.Equal([run.Id], requeued.Select(r => r.Id));
    }

    [Fact]
    public async Task RecoverAsync_TwoNodesRecoverTheSameGoneRunAtOnce_QueueItOnce()
    {
        var run = await StartOnAAsync("rollup");
        await _nodeA.StopAsync(CancellationToken.None);
        var ledgerC = new PipelineLedger(_db.Factory, _clock, new NodeIdentity("node-c"));

        var results = await Task.WhenAll(
            Task.Run(() => _ledgerB.RecoverAsync(Recovery(), CancellationToken.None)),
            Task.Run(() => ledgerC.RecoverAsync(Recovery(), CancellationToken.None)));

        Assert.Equal([run.Id], results.SelectMany(r => r).Select(r => r.Id));
    }

    [Fact]
    public async Task RecoverAsync_OwnRunWithSilentNode_IsLeftToTheNodeItself()
    {
        var run = await StartOnAAsync("profile");
        _clock.Now = T0.AddMinutes(10);

        var requeued = await _ledgerA.RecoverAsync(Recovery(), CancellationToken.None);

        Assert.Empty(requeued);
        Assert.Equal(PipelineRunStatus.Running, (await _ledgerA.FindAsync(run.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RecoverAsync_NodeGoneDuringLastAttempt_FailsRunSayingItGaveUp()
    {
        var run = await _ledgerA.QueueAsync("train", CancellationToken.None);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var node = new NodeIdentity($"node-{attempt}");
            var ledger = new PipelineLedger(_db.Factory, _clock, node);
            Assert.Equal(attempt, await ledger.TryStartAsync(run.Id, CancellationToken.None));
            await new NodeRegistry(_db.Factory, node, NodeRoles.All, _clock).StopAsync(CancellationToken.None);

            var requeued = await _ledgerB.RecoverAsync(Recovery(), CancellationToken.None);

            Assert.Equal(attempt < 3 ? 1 : 0, requeued.Count);
        }

        var failed = await _ledgerB.FindAsync(run.Id, CancellationToken.None);
        Assert.Equal((PipelineRunStatus.Failed, 3), (failed!.Status, failed.Attempt));
        Assert.Contains("during attempt 3 of 3; not queued again after 3 attempts", failed.Message ?? "", StringComparison.Ordinal);
        Assert.Null(await _ledgerB.FindUnfinishedAsync("train", CancellationToken.None));
    }

    [Fact]
    public async Task RecoverAsync_WaitingRunsWithSharedQueue_AreNotQueuedAgain()
    {
        var waiting = await _ledgerA.QueueAsync("rollup", CancellationToken.None);

        var shared = await _ledgerB.RecoverAsync(Recovery(), CancellationToken.None);
        var lost = await _ledgerB.RecoverAsync(Recovery() with { RequeueWaiting = true }, CancellationToken.None);

        Assert.Empty(shared);
        Assert.Equal([waiting.Id], lost.Select(r => r.Id));
    }

    [Fact]
    public async Task SweepAsync_SilentRunOfAnotherLiveNode_IsNotFailed()
    {
        var run = await StartOnAAsync("train");
        _clock.Now = T0.AddMinutes(10);
        await _nodeA.BeatAsync(CancellationToken.None);
        var supervision = new PipelineSupervision { OrphanAfter = TimeSpan.FromMinutes(2) };
        var runnerB = new PipelineRunner(_ledgerB, [], supervision, _clock, NullLogger<PipelineRunner>.Instance);

        var failed = await runnerB.SweepAsync(CancellationToken.None);

        Assert.Equal(0, failed);
        Assert.Equal(PipelineRunStatus.Running, (await _ledgerB.FindAsync(run.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RetireOthersAsync_SingleNodeStart_MarksEveryOtherNodeStopped()
    {
        var retired = await _nodeB.RetireOthersAsync(CancellationToken.None);

        await using var db = _db.Open();
        var nodes = await db.ClusterNodes.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
        Assert.Equal(1, retired);
        Assert.Equal([(_a.Id, true), (_b.Id, false)], nodes.Select(n => (n.Id, n.StoppedAt is not null)));
    }

    private PipelineRecovery Recovery() =>
        new(MaxAttempts: 3, Liveness.SilentBefore(_clock.Now.UtcDateTime), RequeueWaiting: false, "its node going silent");

    private async Task<PipelineRun> StartOnAAsync(string step)
    {
        var run = await _ledgerA.QueueAsync(step, CancellationToken.None);
        Assert.Equal(1, await _ledgerA.TryStartAsync(run.Id, CancellationToken.None));
        return run;
    }
}
