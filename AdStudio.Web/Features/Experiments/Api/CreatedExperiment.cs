namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>Answer of <c>POST /api/experiments</c>: the draft with its arms' variant ids and the minimum detectable effect it keeps.</summary>
public sealed record CreatedExperiment(int Id, string Name, string Status, double MinimumDetectableEffect, IReadOnlyList<CreatedArm> Variants);
