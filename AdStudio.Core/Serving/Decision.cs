namespace AdStudio.Core.Serving;

/// <summary>The chosen ad and why: its rates, bid and expected value per impression.</summary>
public sealed record Decision(
    ServingCampaign Campaign,
    ServingCreative Creative,
    ServingExperiment? Experiment,
    int VariantId,
    double ClickRate,
    double ConversionRate,
    double ExpectedValue,
    bool Explored);
