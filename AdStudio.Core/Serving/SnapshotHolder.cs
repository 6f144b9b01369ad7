using AdStudio.Core.Privacy;

namespace AdStudio.Core.Serving;

/// <summary>
/// Holds the current snapshot; readers take the reference, a refresh replaces it atomically. A snapshot never
/// replaces a newer one (by <see cref="ServingSnapshot.Version"/>), so a slow build that finishes last cannot
/// put older campaigns, budgets or models back in place. An erased shopper leaves the current snapshot at once,
/// and a build that read the database before the erasure is cleaned of them as it is swapped in.
/// </summary>
public sealed class SnapshotHolder
{
    // Writers (one refresher, the rare erasure) take the lock; readers on the hot path only read the reference.
    private readonly Lock _writers = new();
    private readonly ErasedShoppers _erased = new();
    private ServingSnapshot _current = ServingSnapshot.Empty;

    public ServingSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Makes <paramref name="snapshot"/> current unless the current one is newer or the same version.</summary>
    /// <returns>Whether <paramref name="snapshot"/> is now current.</returns>
    public bool TrySwap(ServingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_writers)
        {
            if (snapshot.Version <= _current.Version)
            {
                return false;
            }

            foreach (var shopperId in _erased.NotCoveredBy(snapshot.BuiltAt).ToList())
            {
                snapshot = snapshot.Without(shopperId).Snapshot;
            }

            Volatile.Write(ref _current, snapshot);
            _erased.SettledBy(snapshot.BuiltAt);
            return true;
        }
    }

    /// <summary>
    /// Removes <paramref name="shopperId"/> from the current snapshot now, and from any snapshot built before
    /// <paramref name="erasedAt"/> (when the erasure committed) that is swapped in later.
    /// </summary>
    /// <returns>How many entries (segments, traits, impression counts, model features) were dropped.</returns>
    public int Forget(string shopperId, DateTime erasedAt)
    {
        lock (_writers)
        {
            _erased.Add(shopperId, erasedAt);
            var (copy, removed) = _current.Without(shopperId);
            Volatile.Write(ref _current, copy);
            return removed;
        }
    }
}
