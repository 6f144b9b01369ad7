namespace AdStudio.Core.Pipeline;

/// <summary>The outcome of queuing a step: the new run, or the run of that step already queued or running.</summary>
/// <param name="Run">The run that now stands for the step.</param>
/// <param name="Created">False when <paramref name="Run"/> was already under way and nothing was queued.</param>
public sealed record PipelineQueueResult(PipelineRun Run, bool Created);
