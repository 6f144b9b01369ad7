namespace AdStudio.Core.Experiments;

/// <summary>One arm of a new experiment: a name, a creative of the campaign and a traffic weight.</summary>
public sealed record ArmDraft(string Name, int CreativeId, double Weight);
