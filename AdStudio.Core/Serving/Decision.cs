namespace AdStudio.Core.Serving;

/// <summary>
/// The chosen ad and why: its rates, bid and expected value per impression, and which models (registry version ids)
/// estimated the rates; a null model id means the smoothed historical rate was used. <see cref="VariantId"/> is
/// <see cref="NoVariant"/> unless the shopper saw an experiment's arm.
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
    int? CvrModelId = null)
{
    /// <summary>The <see cref="VariantId"/> of a decision outside any experiment (variant ids start at 1).</summary>
    public const int NoVariant = DecisionTicket.NoVariant;
}
