using AdStudio.Core.Auditing;

namespace AdStudio.Web.Features.Audit;

/// <summary>One line of the audit log as <c>GET /api/audit</c> lists it.</summary>
public sealed record AuditRecordDto(long Id, DateTime At, string Actor, string Entity, int EntityId, string Action, string? Details)
{
    public static AuditRecordDto From(AuditEntry entry) => new(entry.Id, entry.At, entry.Actor, entry.EntityType, entry.EntityId, entry.Action, entry.Details);
}
