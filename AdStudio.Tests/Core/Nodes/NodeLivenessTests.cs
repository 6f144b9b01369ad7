using AdStudio.Core.Nodes;

namespace AdStudio.Tests.Core.Nodes;

public sealed class NodeLivenessTests
{
    private static readonly DateTime Beat = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private readonly NodeLiveness _liveness = new(TimeSpan.FromSeconds(5), MissedBeats: 3);

    [Fact]
    public void GoneAfter_FiveSecondBeatsThreeMissed_IsFifteenSeconds() =>
        Assert.Equal(TimeSpan.FromSeconds(15), _liveness.GoneAfter);

    [Fact]
    public void SilentBefore_Now_IsNowMinusGoneAfter() =>
        Assert.Equal(Beat.AddSeconds(-15), _liveness.SilentBefore(Beat));

    [Theory]
    [InlineData(0, true)]
    [InlineData(14_999, true)]
    [InlineData(15_000, true)]
    [InlineData(15_001, false)]
    [InlineData(600_000, false)]
    public void IsAlive_MillisecondsSinceLastBeat_AliveUntilThreeBeatsAreMissed(int millisecondsLater, bool alive) =>
        Assert.Equal(alive, _liveness.IsAlive(Beat, stoppedAt: null, Beat.AddMilliseconds(millisecondsLater)));

    [Fact]
    public void IsAlive_StoppedCleanlyWithFreshBeat_IsGone() =>
        Assert.False(_liveness.IsAlive(Beat, stoppedAt: Beat, Beat.AddSeconds(1)));

    [Fact]
    public void IsAlive_ClusterNode_UsesItsBeatAndStop()
    {
        var node = new ClusterNode { Id = "a", Roles = "all", StartedAt = Beat, HeartbeatAt = Beat };

        var alive = _liveness.IsAlive(node, Beat.AddSeconds(10));
        node.StoppedAt = Beat.AddSeconds(11);
        var afterStop = _liveness.IsAlive(node, Beat.AddSeconds(12));

        Assert.True(alive);
        Assert.False(afterStop);
    }

    [Fact]
    public void ForThisProcess_TwoStarts_GiveDifferentIdsThatFitTheColumn()
    {
        var first = NodeIdentity.ForThisProcess();
        var second = NodeIdentity.ForThisProcess();

        Assert.NotEqual(first.Id, second.Id);
        Assert.StartsWith(Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)], first.Id, StringComparison.Ordinal);
        Assert.InRange(first.Id.Length, 14, 64);
    }
}
