using AdStudio.Core.Auditing;

namespace AdStudio.Web.Infrastructure;

/// <summary>One line of an audit trail.</summary>
public sealed record AuditEntryDto(DateTime At, string Actor, string Action, string? Details)
{
    public static AuditEntryDto From(AuditEntry entry) => new(entry.At, entry.Actor, entry.Action, entry.Details);
}
