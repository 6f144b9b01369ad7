namespace AdStudio.Core.Pipeline;

/// <summary>
/// Told when a step has done its work, before the ledger records the run as succeeded, so whatever depends on
/// the step's output (such as the serving snapshot) is current by the time anyone sees the run succeed.
/// </summary>
public interface IPipelineStepObserver
{
    /// <summary>Called after <paramref name="stepName"/> succeeded; must not throw for its own failures (log them instead).</summary>
    Task StepSucceededAsync(string stepName, CancellationToken cancellationToken);
}
