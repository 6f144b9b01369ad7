using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdStudio.Tests.Support;

/// <summary>
/// Holds the first commit until <see cref="Release"/> completes, then fails it; later commits pass. Lets a test line up a
/// second writer behind a batch that is about to fail.
/// </summary>
public sealed class HeldFirstCommit : DbTransactionInterceptor
{
    private int _commits;

    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _commits) == 1)
        {
            Reached.SetResult();
            await Release.Task;
            throw new InvalidOperationException("The first batch's commit fails.");
        }

        return result;
    }
}
