namespace AdStudio.Core.Pipeline;

/// <summary>A unit of background work run through the ledger; safe to run again after an interruption.</summary>
public interface IPipelineStep
{
    /// <summary>The step name used in the API and the ledger, such as <c>seed</c>.</summary>
    string Name { get; }

    /// <summary>Does the work, reporting progress as a fraction 0–1; returns a one-line summary.</summary>
    Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken);
}
