namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>One arm of <see cref="CreateExperimentRequest"/>: a name, a creative of the campaign and a traffic weight (default 1).</summary>
public sealed class CreateArmRequest
{
    public string? Name { get; set; }

    public int? CreativeId { get; set; }

    public double? Weight { get; set; }
}
