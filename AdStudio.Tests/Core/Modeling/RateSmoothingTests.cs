using AdStudio.Core.Modeling;

namespace AdStudio.Tests.Core.Modeling;

public class RateSmoothingTests
{
    [Fact]
    public void SmoothedRate_NoEvidence_IsThePrior() =>
        Assert.Equal(0.02, RateSmoothing.SmoothedRate(0, 0, priorMean: 0.02, priorStrength: 200), 15);

    [Fact]
    public void SmoothedRate_WithEvidence_BlendsPriorAndObservedRate() =>
        // (30 + 0.02·200) / (1000 + 200) = 34 / 1200
        Assert.Equal(34.0 / 1200.0, RateSmoothing.SmoothedRate(30, 1000, priorMean: 0.02, priorStrength: 200), 15);

    [Fact]
    public void SmoothedRate_MuchEvidence_ApproachesObservedRate() =>
        Assert.Equal(0.05, RateSmoothing.SmoothedRate(50_000, 1_000_000, 0.02, 200), 3);

    [Fact]
    public void SmoothedRate_MoreSuccessesThanTrials_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RateSmoothing.SmoothedRate(11, 10, 0.02, 200));
}
