namespace AdStudio.Core.Auditing;

/// <summary>One page of audit entries, newest first; <see cref="NextBefore"/> fetches the next (older) page, null at the end.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? NextBefore);
