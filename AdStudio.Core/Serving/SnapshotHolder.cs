namespace AdStudio.Core.Serving;

/// <summary>
/// Holds the current snapshot; readers take the reference, a refresh replaces it atomically. A snapshot never
/// replaces a newer one (by <see cref="ServingSnapshot.Version"/>), so a slow build that finishes last cannot
/// put older campaigns, budgets or models back in place.
/// </summary>
public sealed class SnapshotHolder
{
    private ServingSnapshot _current = ServingSnapshot.Empty;

    public ServingSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Makes <paramref name="snapshot"/> current unless the current one is newer or the same version.</summary>
    /// <returns>Whether <paramref name="snapshot"/> is now current.</returns>
    public bool TrySwap(ServingSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var current = Volatile.Read(ref _current);
        while (snapshot.Version > current.Version)
        {
            var seen = Interlocked.CompareExchange(ref _current, snapshot, current);
            if (ReferenceEquals(seen, current))
            {
                return true;
            }

            current = seen;
        }

        return false;
    }
}
