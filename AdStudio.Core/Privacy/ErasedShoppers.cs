namespace AdStudio.Core.Privacy;

/// <summary>
/// Shoppers erased recently, with when: an in-memory structure built from a database read that started before an
/// erasure committed may still hold them, so its holder filters them out until a build that started afterwards is in
/// place. Not thread-safe: holders use it under their own lock.
/// </summary>
internal sealed class ErasedShoppers
{
    private readonly Dictionary<string, DateTime> _erasedAt = new(StringComparer.Ordinal);

    public void Add(string shopperId, DateTime erasedAt) => _erasedAt[shopperId] = erasedAt;

    /// <summary>The shoppers a build that started at <paramref name="builtAt"/> may still hold.</summary>
    public IEnumerable<string> NotCoveredBy(DateTime builtAt) =>
        _erasedAt.Where(e => e.Value >= builtAt).Select(e => e.Key);

    /// <summary>Forgets the erasures that a build started at <paramref name="builtAt"/>, now in place, read after.</summary>
    public void SettledBy(DateTime builtAt)
    {
        foreach (var shopperId in _erasedAt.Where(e => e.Value < builtAt).Select(e => e.Key).ToList())
        {
            _erasedAt.Remove(shopperId);
        }
    }
}
