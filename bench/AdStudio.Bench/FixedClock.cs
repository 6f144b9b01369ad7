namespace AdStudio.Bench;

/// <summary>A clock the benchmark sets, so runs see the same "now" as the history they were given.</summary>
internal sealed class FixedClock(DateTime now) : TimeProvider
{
    public DateTime Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => new(Now);
}
