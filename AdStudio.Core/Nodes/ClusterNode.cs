namespace AdStudio.Core.Nodes;

/// <summary>
/// One AdStudio process sharing the database. It beats <see cref="HeartbeatAt"/> while alive, so the run ledger can tell
/// a run whose node is gone (re-queue it) from one a live node is still executing (leave it alone).
/// </summary>
public sealed class ClusterNode
{
    /// <summary>Unique per process start (host name plus a random suffix), so a restarted node is a new node.</summary>
    public required string Id { get; set; }

    /// <summary>The roles it runs (<c>Node:Roles</c>), comma-separated, for the operators' view.</summary>
    public required string Roles { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime HeartbeatAt { get; set; }

    /// <summary>Set when the node shut down cleanly; null while it runs or after a crash.</summary>
    public DateTime? StoppedAt { get; set; }
}
