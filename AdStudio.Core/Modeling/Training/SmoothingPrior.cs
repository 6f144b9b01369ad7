namespace AdStudio.Core.Modeling.Training;

/// <summary>
/// Weight, in impressions, of the shop-wide rate when smoothing a creative's CTR: training must smooth the prior-CTR
/// feature exactly as serving does, so the host hands it the value of the <c>Serving:PriorStrength</c> setting.
/// </summary>
public sealed record SmoothingPrior(double Strength);
