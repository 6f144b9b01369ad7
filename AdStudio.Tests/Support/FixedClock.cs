namespace AdStudio.Tests.Support;

/// <summary>A clock that stands still unless a test moves it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
