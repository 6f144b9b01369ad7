namespace AdStudio.Core.Segments;

/// <summary>Holds the current <see cref="Audience"/>; loaded once on first use and swapped after each profiling run.</summary>
public sealed class AudienceIndex(AudienceLoader loader, TimeProvider clock)
{
    private readonly Lock _gate = new();
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
            return _firstLoad ??= loader.LoadAsync(clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        }
    }

    public void Swap(Audience audience) => Volatile.Write(ref _current, audience);
}
