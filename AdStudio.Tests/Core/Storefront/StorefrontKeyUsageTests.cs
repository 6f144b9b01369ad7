using AdStudio.Core.Storefront;

namespace AdStudio.Tests.Core.Storefront;

public sealed class StorefrontKeyUsageTests
{
    private static readonly DateTime Noon = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Take_NeverUsed_IsZeroWithoutLastUse()
    {
        Assert.Equal((0L, (DateTime?)null), new StorefrontKeyUsage().Take());
    }

    [Fact]
    public void Take_AfterRequests_CountsThemAndResets()
    {
        var usage = new StorefrontKeyUsage();
        usage.Record(Noon);
        usage.Record(Noon.AddSeconds(2));
        usage.Record(Noon.AddSeconds(2.5));

        var taken = usage.Take();

        // Within a second of the last written use, the last use is not rewritten: it is kept to the second.
        Assert.Equal((3L, Noon.AddSeconds(2)), taken);
        Assert.Equal(0L, usage.Take().Requests);
    }

    [Fact]
    public void Restore_AfterFailedFlush_CountsAgainOnNextTake()
    {
        var usage = new StorefrontKeyUsage();
        usage.Record(Noon);
        var (requests, _) = usage.Take();
        usage.Record(Noon.AddSeconds(1));

        usage.Restore(requests);

        Assert.Equal(2L, usage.Take().Requests);
    }
}
