using AdStudio.Core.Pipeline;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>The run a launch refers to, and whether it was already queued or running before.</summary>
public sealed record PipelineLaunch(PipelineRun Run, bool AlreadyUnderWay);
