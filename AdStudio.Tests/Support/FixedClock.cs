namespace AdStudio.Tests.Support;

/// <summary>
/// The one test clock: "now" stands still until a test (or the benchmark) moves it, while timers and delays still run
/// in real time. Not <c>FakeTimeProvider</c> (Microsoft.Extensions.TimeProvider.Testing): its timers fire only when
/// the test advances it, and the code under test here waits on real ones (the pipeline's heartbeat and retry delays,
/// the snapshot refresher, the pages' pollers). One source file, compiled into the tests and linked into the benchmark.
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    // A DateTimeOffset is two words: the lock keeps a reader on another thread (a running app) from seeing half a move.
    private readonly Lock _gate = new();
    private DateTimeOffset _now = now;

    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }

        set
        {
            lock (_gate)
            {
                _now = value;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
