namespace AdStudio.Core.Serving;

/// <summary>
/// The chosen ad and why: its rates, bid and expected value per impression, and which models (registry version ids)
/// estimated the rates; a null model id means the smoothed historical rate was used.
/// </summary>
public sealed record Decision(
    ServingCampaign Campaign,
    ServingCreative Creative,
    ServingExperiment? Experiment,
    int VariantId,
    double ClickRate,
    double ConversionRate,
    double ExpectedValue,
    bool Explored,
    int? CtrModelId = null,
    int? CvrModelId = null);
