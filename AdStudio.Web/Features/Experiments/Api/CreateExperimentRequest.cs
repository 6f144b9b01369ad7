namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>
/// Body of <c>POST /api/experiments</c>: a draft on one campaign's creatives, the first arm the control; every arm's
/// creative must fit the control's placement.
/// <c>primaryMetric</c> is a metric key (<c>conversion_rate</c>, <c>ctr</c>, <c>revenue_per_shopper</c>, <c>roi</c>);
/// left out, it follows the campaign's objective.
/// </summary>
public sealed class CreateExperimentRequest
{
    public int? CampaignId { get; set; }

    public string? Name { get; set; }

    public string? Hypothesis { get; set; }

    public List<ArmRequest>? Arms { get; set; }

    public double? Alpha { get; set; }

    public bool? Sequential { get; set; }

    public bool? UseCuped { get; set; }

    public double? MinimumDetectableEffect { get; set; }

    public long? PlannedUnitsPerVariant { get; set; }

    public string? PrimaryMetric { get; set; }
}
