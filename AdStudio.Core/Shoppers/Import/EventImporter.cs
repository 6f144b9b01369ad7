using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;

namespace AdStudio.Core.Shoppers.Import;

/// <summary>
/// Behaviour event rows, checked by <see cref="BehaviourEventRules"/> and the event number bounds (section
/// <c>Events</c>) as <c>POST /events</c> checks them. Each row carries a hash of its content, so importing the same
/// file twice adds nothing. Consent applies as on <c>POST /events</c> (<see cref="IngestConsent"/>): rows of shoppers
/// without personalisation, and of erased (suppressed) shoppers, are dropped and counted.
/// </summary>
internal sealed class EventImporter(TimeProvider clock, EventWriterOptions limits, IngestConsent consent) : IRowImporter<BehaviourEvent>
{
    private static readonly string TypeChoices =
        $"{string.Join(", ", BehaviourEventRules.TypeNames.SkipLast(1))} or {BehaviourEventRules.TypeNames[^1]}";

    public IReadOnlyList<string> RequiredColumns { get; } = [EventFields.ShopperId, EventFields.Type, EventFields.Timestamp];

    public long Suppressed { get; private set; }

    public long WithoutConsent { get; private set; }

    public void CheckColumns(IReadOnlyCollection<string> columns)
    {
    }

    public BehaviourEvent? Read(CsvRow row)
    {
        var shopperId = row.Text(EventFields.ShopperId);
        if (shopperId is null || shopperId.Length > BehaviourEventRules.MaxShopperIdLength)
        {
            row.Reject(EventFields.ShopperId, shopperId is null ? "required" : $"longer than {BehaviourEventRules.MaxShopperIdLength} characters");
        }

        var type = BehaviourEventRules.ParseType(row.Text(EventFields.Type)?.ToLowerInvariant());
        if (type is null)
        {
            row.Reject(EventFields.Type, $"must be {TypeChoices}");
        }

        DateTime? at = DateTimeOffset.TryParse(row.Text(EventFields.Timestamp), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp)
            ? stamp.UtcDateTime
            : null;
        if (at is null)
        {
            row.Reject(EventFields.Timestamp, "must be an ISO 8601 time such as 2026-11-23T10:15:00Z");
        }
        else if (EventTimestamps.IsTooFarAhead(at.Value, clock.GetUtcNow().UtcDateTime))
        {
            row.Reject(EventFields.Timestamp, "is in the future");
        }

        var category = row.Text(EventFields.Category);
        var product = row.Text(EventFields.ProductId);
        var query = row.Text(EventFields.Query);
        var amount = Number(row, EventFields.Amount, limits.MaxAmount);
        var dwell = Number(row, EventFields.DwellSeconds, limits.MaxDwellSeconds);
        if (type is { } known)
        {
            // A cell counts as given when it holds text, even text that is not a valid number (reported above).
            foreach (var field in BehaviourEventRules.RequiredFields(known).Where(field => row.Text(field) is null))
            {
                row.Reject(field, $"required for {BehaviourEventRules.NameOf(known)}");
            }
        }

        foreach (var (field, value) in new[] { (EventFields.Category, category), (EventFields.ProductId, product), (EventFields.Query, query) })
        {
            if (!BehaviourEventRules.IsTextShortEnough(value))
            {
                row.Reject(field, $"longer than {BehaviourEventRules.MaxTextLength} characters");
            }
        }

        return row.IsRejected
            ? null
            : new BehaviourEvent
            {
                ShopperId = shopperId!,
                Type = type!.Value,
                Category = category,
                ProductId = product,
                Query = query,
                Amount = amount,
                DwellSeconds = dwell,
                OccurredAt = at!.Value,
                ImportKey = ImportKey(shopperId!, type.Value, at.Value, category, product, query, amount, dwell),
            };
    }

    public async Task<long> WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BehaviourEvent> rows, CancellationToken ct)
    {
        var allowed = await consent.ApplyAsync(connection, transaction, new EventBatch(rows, []), ct);
        Suppressed += allowed.Suppressed;
        WithoutConsent += allowed.WithoutConsent;
        return allowed.BehaviourEvents.Count == 0
            ? 0
            : await BehaviourEventInsert.ByImportKey(connection, transaction).InsertAsync(allowed.BehaviourEvents, ct);
    }

    /// <summary>
    /// A hash of the row's content. Its recipe must not change: files imported before would be imported again.
    /// </summary>
    private static string ImportKey(
        string shopperId, BehaviourEventType type, DateTime at, string? category, string? product, string? query, double? amount, double? dwell) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
            '\u001f',
            shopperId,
            (int)type,
            at.Ticks,
            category,
            product,
            query,
            amount?.ToString("R", CultureInfo.InvariantCulture),
            dwell?.ToString("R", CultureInfo.InvariantCulture)))));

    /// <summary>A number between 0 and <paramref name="max"/>: the same bounds as <c>POST /events</c> (section <c>Events</c>).</summary>
    private static double? Number(CsvRow row, string field, double max)
    {
        if (row.Text(field) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && BehaviourEventRules.IsWithin(number, max))
        {
            return number;
        }

        row.Reject(field, $"must be a number from 0 to {max.ToString(CultureInfo.InvariantCulture)} (use a dot for decimals)");
        return null;
    }
}
