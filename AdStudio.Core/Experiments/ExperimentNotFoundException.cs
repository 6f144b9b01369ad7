namespace AdStudio.Core.Experiments;

/// <summary>The experiment (or campaign) a lifecycle change names does not exist.</summary>
public sealed class ExperimentNotFoundException : KeyNotFoundException
{
    public ExperimentNotFoundException()
    {
    }

    public ExperimentNotFoundException(string message)
        : base(message)
    {
    }

    public ExperimentNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
