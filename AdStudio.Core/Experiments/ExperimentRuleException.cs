namespace AdStudio.Core.Experiments;

/// <summary>A lifecycle rule was broken (for example, changing weights of a running experiment); the message says which.</summary>
public sealed class ExperimentRuleException : InvalidOperationException
{
    public ExperimentRuleException()
    {
    }

    public ExperimentRuleException(string message)
        : base(message)
    {
    }

    public ExperimentRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The input field the broken rule is about (for example <c>arms[1].creativeId</c>); null when it is about no one field.</summary>
    public string? Field { get; init; }
}
