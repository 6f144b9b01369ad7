namespace AdStudio.Core.Experiments.Results;

/// <summary>A variant as the analysis sees it; <see cref="CreativeName"/> names an arm the manager left generic.</summary>
public sealed record ArmDesign(int VariantId, string Name, int CreativeId, double Weight, bool IsControl, string? CreativeName = null)
{
    /// <summary>The name people read: the manager's own, or the creative's where the arm kept a placeholder such as "Treatment 2".</summary>
    public string Label => ArmLabel.Of(Name, CreativeName);
}
