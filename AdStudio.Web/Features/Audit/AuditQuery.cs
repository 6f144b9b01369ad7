using System.Globalization;
using AdStudio.Core.Auditing;

namespace AdStudio.Web.Features.Audit;

/// <summary>Reads the audit API's query string into a filter, with a message for each value that does not parse.</summary>
public static class AuditQuery
{
    public static (AuditFilter? Filter, int Limit, string? Error) Parse(string? actor, string? entity, string? from, string? to, string? limit, string? before)
    {
        var pageSize = AuditLog.DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > AuditLog.MaxLimit))
        {
            return (null, 0, $"limit must be a whole number from 1 to {AuditLog.MaxLimit}.");
        }

        long? cursor = null;
        if (!string.IsNullOrEmpty(before))
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            {
                return (null, 0, "before must be the positive entry id of a previous page's nextBefore.");
            }

            cursor = id;
        }

        if (!TryParseTime(from, out var start))
        {
            return (null, 0, $"from is not a date or time: use ISO 8601 such as 2026-11-30 or 2026-11-30T14:00:00Z.");
        }

        if (!TryParseTime(to, out var end))
        {
            return (null, 0, $"to is not a date or time: use ISO 8601 such as 2026-11-30 or 2026-11-30T14:00:00Z.");
        }

        if (start is not null && end is not null && start >= end)
        {
            return (null, 0, "from must be earlier than to.");
        }

        if (!string.IsNullOrWhiteSpace(entity) && !AuditTrail.EntityTypes.Contains(entity.Trim(), StringComparer.Ordinal))
        {
            return (null, 0, $"entity must be one of: {string.Join(", ", AuditTrail.EntityTypes)}.");
        }

        if (actor is { Length: > 128 })
        {
            return (null, 0, "actor is at most 128 characters.");
        }

        return (new AuditFilter(actor, entity, start, end, cursor), pageSize, null);
    }

    /// <summary>ISO 8601 date or date-time; no offset means UTC, as every time in AdStudio is.</summary>
    private static bool TryParseTime(string? text, out DateTime? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        if (!DateTimeOffset.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        value = parsed.UtcDateTime;
        return true;
    }
}
