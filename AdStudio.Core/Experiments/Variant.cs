namespace AdStudio.Core.Experiments;

/// <summary>One arm of an experiment: a creative and its share of traffic.</summary>
public sealed class Variant
{
    public int Id { get; set; }

    public int ExperimentId { get; set; }

    public required string Name { get; set; }

    public int CreativeId { get; set; }

    /// <summary>Relative traffic weight; the arms' weights need not sum to one.</summary>
    public double Weight { get; set; }

    public bool IsControl { get; set; }
}
