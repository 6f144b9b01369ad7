using AdStudio.Core.Campaigns;
using AdStudio.Core.Events;

namespace AdStudio.Tests.Core.Campaigns;

public class BillingTests
{
    [Theory]
    [InlineData(BidType.Cpm, AdEventType.Impression, 0.004)]
    [InlineData(BidType.Cpm, AdEventType.Click, 0)]
    [InlineData(BidType.Cpc, AdEventType.Click, 4)]
    [InlineData(BidType.Cpc, AdEventType.Impression, 0)]
    [InlineData(BidType.Cpa, AdEventType.Conversion, 4)]
    [InlineData(BidType.Cpa, AdEventType.Click, 0)]
    [InlineData(BidType.Ocpa, AdEventType.Click, 4)]
    [InlineData(BidType.Ocpa, AdEventType.Conversion, 0)]
    public void Charge_OnlyTheEventMatchingTheBidTypeCosts(BidType bidType, AdEventType eventType, double expected) =>
        Assert.Equal(expected, Billing.Charge(bidType, 4, eventType), 15);

    [Fact]
    public void ChargedBid_Ocpa_IsPredictedConversionRateTimesTarget()
    {
        Assert.Equal(1.2, Billing.ChargedBid(BidType.Ocpa, 12, 0.1), 15);
        Assert.Equal(12, Billing.ChargedBid(BidType.Cpa, 12, 0.1), 15);
    }
}
