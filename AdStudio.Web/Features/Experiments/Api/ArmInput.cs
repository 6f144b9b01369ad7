namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>One arm's summary: units, the sum of the metric, and (for means) the sum of squares.</summary>
public sealed class ArmInput
{
    public long? N { get; set; }

    public double? Sum { get; set; }

    public double? SumSquares { get; set; }
}
