using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Core.Experiments.Offline;

/// <summary>One variant's sufficient statistics from a per-unit file: units, conversions (0/1 sums) and revenue sums.</summary>
public sealed record VariantTally(string Name, SampleStats Conversions, SampleStats Revenue)
{
    public long Units => Conversions.N;
}
