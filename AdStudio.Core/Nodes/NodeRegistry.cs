using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Nodes;

/// <summary>The <see cref="ClusterNode"/> table: registers this node, beats its heartbeat, and records its clean stop.</summary>
public sealed class NodeRegistry(IDbContextFactory<AdStudioDb> dbFactory, NodeIdentity node, NodeRoles roles, TimeProvider clock)
{
    public NodeIdentity Node => node;

    /// <summary>Records this node as started and alive now.</summary>
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        db.ClusterNodes.Add(new ClusterNode { Id = node.Id, Roles = roles.ToString(), StartedAt = now, HeartbeatAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records that this node is alive; registers it again if its row is gone (an operator cleaned the table).</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var changed = await db.ClusterNodes.Where(n => n.Id == node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.HeartbeatAt, now), cancellationToken);
        if (changed == 0)
        {
            await RegisterAsync(cancellationToken);
        }
    }

    /// <summary>Records a clean shutdown: the node is gone from now on, without waiting for missed beats.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        await db.ClusterNodes.Where(n => n.Id == node.Id && n.StoppedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.StoppedAt, now), cancellationToken);
    }

    /// <summary>
    /// For a single-node store (SQLite, in-memory job queue): every other node still marked running died without a
    /// clean stop, since only one process can use the store. Marks them stopped so recovery takes their runs at once.
    /// </summary>
    public async Task<int> RetireOthersAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        return await db.ClusterNodes.Where(n => n.Id != node.Id && n.StoppedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.StoppedAt, now), cancellationToken);
    }

    public async Task<List<ClusterNode>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ClusterNodes.AsNoTracking().OrderBy(n => n.StartedAt).ToListAsync(cancellationToken);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
