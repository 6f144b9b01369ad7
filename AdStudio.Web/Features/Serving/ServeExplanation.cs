namespace AdStudio.Web.Features.Serving;

/// <summary>Why the ad won: its estimated rates, the bid and the expected value per impression (the score).</summary>
public sealed record ServeExplanation(
    string BidType,
    double Bid,
    double PCtr,
    double PCvr,
    double ExpectedValue,
    int? ExperimentId,
    int? VariantId,
    bool Explored);
