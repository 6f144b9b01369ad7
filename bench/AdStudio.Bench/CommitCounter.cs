using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdStudio.Bench;

/// <summary>Counts the transactions committed through EF Core: the batching writer's group commits.</summary>
internal sealed class CommitCounter : DbTransactionInterceptor
{
    private int _commits;

    public int Commits => Volatile.Read(ref _commits);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Interlocked.Increment(ref _commits);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }
}
