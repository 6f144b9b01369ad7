namespace AdStudio.Core.Modeling.Scoring;

/// <summary>Why an active model could not be loaded into serving, and which model serves instead (if any).</summary>
public sealed record ModelProblem(ModelKind Kind, int VersionId, string Message, DateTime At, int? ServingVersionId);
