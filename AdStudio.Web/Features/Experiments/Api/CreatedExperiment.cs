namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>
/// Answer of <c>POST /api/experiments</c>: the draft with its arms' variant ids, the primary metric it decides on and the
/// minimum detectable effect it keeps.
/// </summary>
public sealed record CreatedExperiment(
    int Id, string Name, string Status, string PrimaryMetric, double MinimumDetectableEffect, IReadOnlyList<CreatedArm> Variants);
