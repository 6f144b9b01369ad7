namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>Answer of <c>POST /api/experiments</c>: the draft with its arms' variant ids and the primary metric it decides on.</summary>
public sealed record CreatedExperiment(int Id, string Name, string Status, string PrimaryMetric, IReadOnlyList<CreatedArm> Variants);
