namespace AdStudio.Core.Experiments.Stats;

/// <summary>Whether the effect is treatment − control or (treatment − control) ÷ control.</summary>
public enum DifferenceType
{
    Relative,
    Absolute,
}
