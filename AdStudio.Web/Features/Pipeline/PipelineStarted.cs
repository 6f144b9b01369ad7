namespace AdStudio.Web.Features.Pipeline;

/// <summary>Answer of <c>POST /api/pipeline/{step}</c>.</summary>
public sealed record PipelineStarted(int RunId, string Step, string Status);
