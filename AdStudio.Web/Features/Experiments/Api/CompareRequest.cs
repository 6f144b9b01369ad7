namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>Body of <c>POST /api/stats/compare</c>; omitted options take their defaults.</summary>
public sealed class CompareRequest
{
    /// <summary><c>proportion</c> or <c>mean</c>.</summary>
    public string? MetricType { get; set; }

    public ArmInput? Control { get; set; }

    public ArmInput? Treatment { get; set; }

    /// <summary><c>relative</c> (default) or <c>absolute</c>.</summary>
    public string? Difference { get; set; }

    /// <summary><c>two-sided</c> (default), <c>greater</c> or <c>less</c>.</summary>
    public string? Alternative { get; set; }

    public double? Alpha { get; set; }

    public bool? Sequential { get; set; }

    public double? SequentialTuning { get; set; }
}
