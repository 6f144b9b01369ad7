namespace AdStudio.Core.Auditing;

/// <summary>
/// Which audit entries to list: by actor (exact), entity type, and a time window
/// <c>From ≤ At &lt; To</c>; <see cref="Before"/> is the paging cursor (entries with a smaller id).
/// </summary>
public sealed record AuditFilter(string? Actor = null, string? EntityType = null, DateTime? From = null, DateTime? To = null, long? Before = null);
