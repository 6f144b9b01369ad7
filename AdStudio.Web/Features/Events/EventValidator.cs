using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Events;

/// <summary>
/// Checks each incoming event and turns the valid ones into stored events. Ad events are attributed
/// from their signed decision id, which must have been issued for the same shopper; an ad event of a
/// decision older than the attribution window is set aside as expired (not an error).
/// </summary>
public sealed class EventValidator(
    DecisionTokenCodec codec,
    AttributionWindow attribution,
    SnapshotHolder snapshots,
    IOptions<EventWriterOptions> options,
    TimeProvider clock)
{
    public const int MaxIdLength = 128;
    public const int MaxTextLength = 256;
    public const int MaxEventIdLength = 64;

    public ValidatedEvents Validate(IReadOnlyList<IncomingEvent?> incoming, Dictionary<string, string[]> errors)
    {
        var behaviour = new List<BehaviourEvent>();
        var ads = new List<AdEvent>();
        var expired = new List<int>();
        var now = clock.GetUtcNow();
        for (var i = 0; i < incoming.Count; i++)
        {
            var problems = new List<(string Field, string Message)>();
            var e = incoming[i];
            if (e is null)
            {
                errors[$"events[{i}]"] = ["The event is null."];
                continue;
            }

            Check(e, now, problems);
            if (problems.Count == 0 && !Convert(e, behaviour, ads, problems))
            {
                expired.Add(i);
            }

            foreach (var group in problems.GroupBy(p => p.Field))
            {
                errors[$"events[{i}].{group.Key}"] = [.. group.Select(p => p.Message)];
            }
        }

        return new ValidatedEvents(new EventBatch(behaviour, ads), [.. expired]);
    }

    private void Check(IncomingEvent e, DateTimeOffset now, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(e.ShopperId))
        {
            problems.Add(("shopperId", "shopperId is required."));
        }
        else if (e.ShopperId.Length > MaxIdLength)
        {
            problems.Add(("shopperId", $"shopperId is longer than {MaxIdLength} characters."));
        }

        if (e.Timestamp is not { } at)
        {
            problems.Add(("timestamp", "timestamp is required (ISO 8601, for example 2026-11-23T10:15:00Z)."));
        }
        else if (at > now + EventTimestamps.AllowedFutureSkew)
        {
            problems.Add(("timestamp", "timestamp is in the future."));
        }

        if (EventTypes.Parse(e.Type) is null)
        {
            problems.Add(("type", $"type must be one of: {string.Join(", ", EventTypes.Names)}."));
        }

        CheckText(e.Category, "category", problems);
        CheckText(e.ProductId, "productId", problems);
        CheckText(e.Query, "query", problems);
        if (e.EventId is { } eventId && (eventId.Length is 0 or > MaxEventIdLength))
        {
            problems.Add(("eventId", $"eventId, when given, is 1 to {MaxEventIdLength} characters."));
        }

        var limits = options.Value;
        CheckAmount(e.Amount, "amount", limits.MaxAmount, problems);
        CheckAmount(e.DwellSeconds, "dwellSeconds", limits.MaxDwellSeconds, problems);
        CheckAmount(e.Revenue, "revenue", limits.MaxRevenue, problems);
    }

    /// <summary>Adds the event to the batch, or records why it cannot be; false when it is an ad event of an expired decision.</summary>
    private bool Convert(IncomingEvent e, List<BehaviourEvent> behaviour, List<AdEvent> ads, List<(string, string)> problems)
    {
        var type = EventTypes.Parse(e.Type)!.Value;
        var at = e.Timestamp!.Value.UtcDateTime;
        if (type.Ad is { } adType)
        {
            if (string.IsNullOrWhiteSpace(e.DecisionId))
            {
                problems.Add(("decisionId", "decisionId is required for ad events."));
                return true;
            }

            if (adType == AdEventType.Conversion && e.Revenue is null)
            {
                problems.Add(("revenue", "revenue is required for conversions."));
                return true;
            }

            var status = codec.Decode(e.DecisionId, e.ShopperId!, out var ticket);
            if (status != DecisionIdStatus.Valid)
            {
                problems.Add(("decisionId", DecisionIdMessages.Describe(status, e.DecisionId)));
                return true;
            }

            if (attribution.IsBackdated(ticket, at))
            {
                problems.Add(("timestamp", $"timestamp {at:O} is before decision '{e.DecisionId}' was made ({ticket.IssuedAt:O}); ad events cannot be backdated."));
                return true;
            }

            if (attribution.IsExpired(ticket))
            {
                return false;
            }

            ads.Add(AdEventAttribution.Attribute(adType, e.DecisionId, ticket, e.ShopperId!, at, e.Revenue ?? 0, snapshots.Current.PlacementNames));
            return true;
        }

        var kind = type.Behaviour!.Value;
        if (kind is BehaviourEventType.View or BehaviourEventType.AddToCart or BehaviourEventType.Purchase)
        {
            Require(e.ProductId, "productId", problems);
            Require(e.Category, "category", problems);
        }

        if (kind == BehaviourEventType.Search)
        {
            Require(e.Query, "query", problems);
        }

        if (kind == BehaviourEventType.Purchase && e.Amount is null)
        {
            problems.Add(("amount", "amount is required for purchases."));
        }

        if (problems.Count == 0)
        {
            behaviour.Add(new BehaviourEvent
            {
                ShopperId = e.ShopperId!,
                Type = kind,
                OccurredAt = at,
                Category = e.Category,
                ProductId = e.ProductId,
                Query = e.Query,
                Amount = e.Amount,
                DwellSeconds = e.DwellSeconds,
                EventId = e.EventId,
            });
        }

        return true;
    }

    private static void Require(string? value, string field, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add((field, $"{field} is required for this event type."));
        }
    }

    private static void CheckText(string? value, string field, List<(string, string)> problems)
    {
        if (value is { Length: > MaxTextLength })
        {
            problems.Add((field, $"{field} is longer than {MaxTextLength} characters."));
        }
    }

    private static void CheckAmount(double? value, string field, double max, List<(string, string)> problems)
    {
        if (value is { } v && !(v >= 0 && v <= max))
        {
            problems.Add((field, $"{field} must be a number from 0 to {max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}."));
        }
    }
}
