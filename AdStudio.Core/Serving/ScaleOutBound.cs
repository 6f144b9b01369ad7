namespace AdStudio.Core.Serving;

/// <summary>
/// How far a limit (a daily budget, or a shopper's frequency cap) can be exceeded when <c>N</c> nodes decide from
/// snapshots of one database plus their own live counts (docs/scale-out.md, "Budgets and caps across nodes").
/// </summary>
/// <remarks>
/// A node at time t sees every event stored before its snapshot's read (at most R ago) and its own events stored since;
/// it misses the other nodes' events of the last R + W and its own of the last W. It serves only while what it sees is
/// under the limit, so when the last decision is made the cluster has spent at most the limit plus what that node
/// missed plus that decision: with at most λ·L + 1 decisions per node in any window of length L, that is
/// c · (λ · ((N − 1)(R + W) + W) + N). Also no node on its own passes the limit by more than its own unseen events,
/// so the excess is never more than (N − 1) · limit + N · c · (λ·W + 1) either: with a refresh slower than the day,
/// each node spends the whole budget once.
/// </remarks>
public static class ScaleOutBound
{
    /// <summary>The largest excess over <paramref name="limit"/>, in the limit's unit.</summary>
    /// <param name="nodes">Serving nodes sharing the database (N ≥ 1).</param>
    /// <param name="eventsPerSecondPerNode">
    /// λ: most charged decisions per second one node makes for the campaign (for a cap: most impressions per second one
    /// node serves to the one shopper).
    /// </param>
    /// <param name="maxCharge">c: the largest charge of one event (for a cap: 1, one impression).</param>
    /// <param name="refresh">R: the oldest snapshot read a node decides from (refresh interval plus build time).</param>
    /// <param name="writeLatency">W: from a decision until its charged event is stored and counted (event-write latency, plus the shopper's delay to click or convert for CPC and CPA).</param>
    /// <param name="limit">The budget (money) or the cap (impressions).</param>
    public static double Excess(int nodes, double eventsPerSecondPerNode, double maxCharge, TimeSpan refresh, TimeSpan writeLatency, double limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(eventsPerSecondPerNode);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCharge);
        ArgumentOutOfRangeException.ThrowIfLessThan(refresh, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(writeLatency, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var (n, rate, r, w) = (nodes, eventsPerSecondPerNode, refresh.TotalSeconds, writeLatency.TotalSeconds);
        var unseen = maxCharge * ((rate * (((n - 1) * (r + w)) + w)) + n);
        var eachNodeAlone = ((n - 1) * limit) + (n * maxCharge * ((rate * w) + 1));
        return Math.Min(unseen, eachNodeAlone);
    }
}
