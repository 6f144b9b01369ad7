namespace AdStudio.Core.Segments;

/// <summary>A segment change is not valid; <see cref="Errors"/> lists each problem with its path.</summary>
public sealed class SegmentRuleException : InvalidOperationException
{
    public SegmentRuleException()
    {
    }

    public SegmentRuleException(string message)
        : base(message)
    {
    }

    public SegmentRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SegmentRuleException(string message, IReadOnlyList<string> errors)
        : base(message) => Errors = errors;

    public IReadOnlyList<string> Errors { get; } = [];
}
