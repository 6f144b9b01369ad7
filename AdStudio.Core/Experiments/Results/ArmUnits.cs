namespace AdStudio.Core.Experiments.Results;

/// <summary>Exposed shoppers of an arm against its configured share; <see cref="Label"/> is the name people read.</summary>
public sealed record ArmUnits(int VariantId, string Name, bool IsControl, double Weight, long Units, double ExpectedShare, double ObservedShare)
{
    public string Label { get; init; } = Name;

    public int CreativeId { get; init; }

    /// <summary>"Control" or "Treatment": the arm's role, said beside its name.</summary>
    public string Role => IsControl ? "Control" : "Treatment";
}
