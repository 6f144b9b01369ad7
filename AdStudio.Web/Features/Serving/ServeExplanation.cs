namespace AdStudio.Web.Features.Serving;

/// <summary>
/// Why the ad won: its estimated rates, the bid and the expected value per impression (the score), and the model
/// versions that estimated pCTR and pCVR (null: the smoothed historical rate).
/// </summary>
public sealed record ServeExplanation(
    string BidType,
    double Bid,
    double PCtr,
    double PCvr,
    double ExpectedValue,
    int? ExperimentId,
    int? VariantId,
    bool Explored,
    int? CtrModelId,
    int? CvrModelId);
