namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>Answer of <c>POST /api/experiments</c>: the new draft's id, name and status.</summary>
public sealed record CreatedExperiment(int Id, string Name, string Status, double MinimumDetectableEffect);
