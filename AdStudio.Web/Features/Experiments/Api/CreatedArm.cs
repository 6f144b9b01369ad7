namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>An arm of a <see cref="CreatedExperiment"/>.</summary>
public sealed record CreatedArm(int Id, string Name, int CreativeId, double Weight, bool IsControl);
