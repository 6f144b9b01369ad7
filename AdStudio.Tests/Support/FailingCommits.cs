using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdStudio.Tests.Support;

/// <summary>
/// A full disk for tests: while armed, every commit EF Core makes fails with SQLITE_FULL before it reaches
/// the file, exactly as SQLite reports a disk without room for the WAL. Added to the app's DbContext
/// options as an ordinary interceptor, so the code under test is the production code.
/// </summary>
public sealed class FailingCommits : DbTransactionInterceptor
{
    private const int SqliteFull = 13;
    private int _remaining;

    /// <summary>Makes the next <paramref name="count"/> commits fail (0 disarms).</summary>
    public void FailNext(int count) => Volatile.Write(ref _remaining, count);

    public override InterceptionResult TransactionCommitting(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        ThrowIfArmed();
        return result;
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ThrowIfArmed();
        return ValueTask.FromResult(result);
    }

    private void ThrowIfArmed()
    {
        var remaining = Volatile.Read(ref _remaining);
        while (remaining > 0)
        {
            var seen = Interlocked.CompareExchange(ref _remaining, remaining - 1, remaining);
            if (seen == remaining)
            {
                throw new SqliteException("SQLite Error 13: 'database or disk is full'.", SqliteFull);
            }

            remaining = seen;
        }
    }
}
