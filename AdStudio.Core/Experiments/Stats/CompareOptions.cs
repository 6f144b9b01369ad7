namespace AdStudio.Core.Experiments.Stats;

/// <summary>How to compare two arms.</summary>
/// <param name="Alpha">False-positive rate, in (0, 0.5].</param>
/// <param name="SequentialTuning">N*: the total units at which the confidence sequence is tightest.</param>
public sealed record CompareOptions(
    double Alpha = 0.05,
    Alternative Alternative = Alternative.TwoSided,
    DifferenceType Difference = DifferenceType.Relative,
    bool Sequential = false,
    double SequentialTuning = 5000);
