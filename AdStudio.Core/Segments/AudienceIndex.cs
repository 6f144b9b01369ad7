using AdStudio.Core.Privacy;

namespace AdStudio.Core.Segments;

/// <summary>
/// Holds the current <see cref="Audience"/>; loaded once on first use and swapped after each profiling run. An erased
/// shopper leaves it at once, and an audience read before the erasure is cleaned of them as it is swapped in.
/// </summary>
public sealed class AudienceIndex(AudienceLoader loader, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly ErasedShoppers _erased = new();
    private Audience? _current;
    private Task<Audience>? _firstLoad;

    public Task<Audience> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return Task.FromResult(current);
        }

        lock (_gate)
        {
            // One load serves every caller that arrives before it finishes.
            return _firstLoad ??= FirstLoadAsync();
        }
    }

    public void Swap(Audience audience)
    {
        lock (_gate)
        {
            Volatile.Write(ref _current, Clean(audience));
            _erased.SettledBy(audience.BuiltAt);
        }
    }

    /// <summary>Removes <paramref name="shopperId"/> now and from any audience read before <paramref name="erasedAt"/> that arrives later.</summary>
    /// <returns>How many rows were dropped.</returns>
    public int Forget(string shopperId, DateTime erasedAt)
    {
        lock (_gate)
        {
            _erased.Add(shopperId, erasedAt);
            if (_current is null)
            {
                return 0;
            }

            var (audience, removed) = _current.Without(shopperId);
            Volatile.Write(ref _current, audience);
            return removed;
        }
    }

    private async Task<Audience> FirstLoadAsync()
    {
        var loaded = await loader.LoadAsync(clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        lock (_gate)
        {
            // A profiling run may have swapped a newer audience in meanwhile; it wins.
            if (_current is null)
            {
                Volatile.Write(ref _current, Clean(loaded));
                _erased.SettledBy(loaded.BuiltAt);
            }

            return _current;
        }
    }

    private Audience Clean(Audience audience)
    {
        foreach (var shopperId in _erased.NotCoveredBy(audience.BuiltAt).ToList())
        {
            audience = audience.Without(shopperId).Audience;
        }

        return audience;
    }
}
