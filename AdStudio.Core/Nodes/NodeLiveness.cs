namespace AdStudio.Core.Nodes;

/// <summary>
/// When a <see cref="ClusterNode"/> counts as alive: it has not stopped and its last beat is younger than
/// <see cref="MissedBeats"/> heartbeat intervals. Pure, so the rule is tested with exact times.
/// </summary>
public sealed record NodeLiveness(TimeSpan Heartbeat, int MissedBeats)
{
    /// <summary>How long a node may stay silent before it counts as gone.</summary>
    public TimeSpan GoneAfter => Heartbeat * MissedBeats;

    /// <summary>A running node whose last beat is older than this (at <paramref name="now"/>) is gone.</summary>
    public DateTime SilentBefore(DateTime now) => now - GoneAfter;

    /// <summary>Whether a node that last beat at <paramref name="heartbeatAt"/> (and stopped at <paramref name="stoppedAt"/>, if it did) is alive at <paramref name="now"/>.</summary>
    public bool IsAlive(DateTime heartbeatAt, DateTime? stoppedAt, DateTime now) => stoppedAt is null && heartbeatAt >= SilentBefore(now);

    /// <summary>Whether <paramref name="node"/> is alive at <paramref name="now"/>.</summary>
    public bool IsAlive(ClusterNode node, DateTime now) => IsAlive(node.HeartbeatAt, node.StoppedAt, now);
}
