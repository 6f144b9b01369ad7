namespace AdStudio.Core.Creatives.Audit;

/// <summary>One automatic check that failed: the field and what to change.</summary>
public sealed record AuditFinding(string Field, string Message);
