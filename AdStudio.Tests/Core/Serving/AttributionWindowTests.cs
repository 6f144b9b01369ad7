using AdStudio.Core.Campaigns;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Serving;

public class AttributionWindowTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly DecisionTicket _ticket = new(IssuedAt.ToUnixTimeSeconds(), 3, 17, 0, 0, BidType.Cpc, 750_000, 0, 1);
    private readonly FixedClock _clock = new(IssuedAt);
    private readonly AttributionWindow _window;

    public AttributionWindowTests() =>
        _window = new AttributionWindow(Options.Create(new ServingOptions { AttributionWindowDays = 7, ClockSkewSeconds = 300 }), _clock);

    [Theory]
    [InlineData(0, false)]
    [InlineData(7 * 86_400, false)]
    [InlineData((7 * 86_400) + 300, false)]
    [InlineData((7 * 86_400) + 301, true)]
    [InlineData(30 * 86_400, true)]
    public void IsExpired_TicketAge_ExpiresOnlyBeyondWindowPlusSkew(int ageSeconds, bool expired)
    {
        _clock.Now = IssuedAt.AddSeconds(ageSeconds);

        Assert.Equal(expired, _window.IsExpired(_ticket));
    }

    [Fact]
    public void IsExpired_OneMillisecondPastTheBoundary_IsExpired()
    {
        _clock.Now = IssuedAt.AddDays(7).AddMinutes(5).AddMilliseconds(1);

        Assert.True(_window.IsExpired(_ticket));
    }

    [Theory]
    [InlineData(-301, true)]
    [InlineData(-300, false)]
    [InlineData(0, false)]
    [InlineData(3600, false)]
    public void IsBackdated_EventTime_RefusedOnlyBeforeIssueMinusSkew(int offsetSeconds, bool backdated) =>
        Assert.Equal(backdated, _window.IsBackdated(_ticket, IssuedAt.UtcDateTime.AddSeconds(offsetSeconds)));

    [Fact]
    public void IsExpired_LongerConfiguredWindow_IsHonoured()
    {
        var window = new AttributionWindow(Options.Create(new ServingOptions { AttributionWindowDays = 30, ClockSkewSeconds = 0 }), _clock);
        _clock.Now = IssuedAt.AddDays(29);

        Assert.False(window.IsExpired(_ticket));
        _clock.Now = IssuedAt.AddDays(30).AddSeconds(1);
        Assert.True(window.IsExpired(_ticket));
    }
}
