namespace AdStudio.Web.Features.Audit;

/// <summary>A page of the audit log, newest first; pass <c>nextBefore</c> as <c>before</c> for the next page (null: no more).</summary>
public sealed record AuditPageDto(IReadOnlyList<AuditRecordDto> Entries, long? NextBefore);
