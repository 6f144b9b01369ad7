namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>One arm of <see cref="CreateExperimentRequest"/>; a missing name becomes the creative's.</summary>
public sealed class ArmRequest
{
    public string? Name { get; set; }

    public int? CreativeId { get; set; }

    public double? Weight { get; set; }
}
