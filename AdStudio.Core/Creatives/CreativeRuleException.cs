using AdStudio.Core.Creatives.Audit;

namespace AdStudio.Core.Creatives;

/// <summary>A creative change breaks a rule; <see cref="Findings"/> lists each problem by field.</summary>
public sealed class CreativeRuleException : InvalidOperationException
{
    public CreativeRuleException()
    {
    }

    public CreativeRuleException(string message)
        : base(message)
    {
    }

    public CreativeRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CreativeRuleException(string message, IReadOnlyList<AuditFinding> findings)
        : base(message) => Findings = findings;

    public IReadOnlyList<AuditFinding> Findings { get; } = [];
}
