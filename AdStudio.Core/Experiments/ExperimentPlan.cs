using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Core.Experiments;

/// <summary>
/// A sample-size plan with the inputs it came from, so the draft stores the minimum detectable effect the manager
/// typed, and the duration it implies at the traffic the plan assumed.
/// </summary>
public sealed record ExperimentPlan(SampleSizePlan Sample, double BaselineRate, double MinimumDetectableEffect, long? ShoppersPerDay)
{
    /// <summary>Days the test needs at <see cref="ShoppersPerDay"/>; null without traffic.</summary>
    public int? Days => Sample.Days;

    /// <summary>The same duration in weeks, to one decimal.</summary>
    public double? Weeks => Days is { } days ? Math.Round(days / 7.0, 1) : null;

    /// <summary>True when the test would run longer than <see cref="ExperimentPlanner.LongTestDays"/> days.</summary>
    public bool IsTooLong => Days > ExperimentPlanner.LongTestDays;
}
