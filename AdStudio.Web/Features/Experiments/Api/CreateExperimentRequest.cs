namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>Body of <c>POST /api/experiments</c>: a draft experiment on one campaign's creatives; the first arm is the control.</summary>
public sealed class CreateExperimentRequest
{
    public int? CampaignId { get; set; }

    public string? Name { get; set; }

    public string? Hypothesis { get; set; }

    public List<CreateArmRequest?>? Arms { get; set; }

    public double? Alpha { get; set; }

    public bool? Sequential { get; set; }

    public bool? UseCuped { get; set; }

    /// <summary>Relative minimum detectable effect (0.1 = 10 %); the default when absent.</summary>
    public double? MinimumDetectableEffect { get; set; }

    public long? PlannedUnitsPerVariant { get; set; }
}
