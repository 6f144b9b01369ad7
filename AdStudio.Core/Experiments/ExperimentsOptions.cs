using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Experiments;

/// <summary>How experiment results are read (section <c>Experiments</c>).</summary>
public sealed class ExperimentsOptions
{
    public const string SectionName = "Experiments";

    /// <summary>Below this many exposed shoppers in an arm, results say "not enough data yet" instead of an interval.</summary>
    [Range(2, 10_000_000)]
    public int MinUnitsPerArm { get; set; } = 100;

    /// <summary>Below this many events (conversions, clicks…) of a metric in an arm, that metric says "not enough data yet".</summary>
    [Range(0, 10_000_000)]
    public int MinEventsPerArm { get; set; } = 10;
}
