using System.Globalization;
using AdStudio.Core.Events;
using AdStudio.Core.Privacy;
using AdStudio.Core.Serving;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Events;

/// <summary>
/// Checks each incoming event and turns the valid ones into stored events. Behaviour events follow
/// <see cref="BehaviourEventRules"/> (as the CSV import does); this class only phrases the API's messages. Ad events
/// are attributed from their signed decision id, which must have been issued for the same shopper; an ad event of a
/// decision older than the attribution window is set aside as expired (not an error).
/// </summary>
public sealed class EventValidator(
    DecisionTokenCodec codec,
    AttributionWindow attribution,
    SnapshotHolder snapshots,
    IOptions<EventWriterOptions> options,
    TimeProvider clock)
{
    public ValidatedEvents Validate(IReadOnlyList<IncomingEvent?> incoming, Dictionary<string, string[]> errors)
    {
        var behaviour = new List<BehaviourEvent>();
        var ads = new List<AdEvent>();
        var consents = new List<ConsentChange>();
        var expired = new List<int>();
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < incoming.Count; i++)
        {
            var problems = new List<(string Field, string Message)>();
            if (incoming[i] is not { } sent)
            {
                errors[$"events[{i}]"] = ["The event is null."];
                continue;
            }

            Check(sent, now, problems);
            if (problems.Count == 0 && !Convert(sent, new(behaviour, ads, consents), problems))
            {
                expired.Add(i);
            }

            foreach (var group in problems.GroupBy(p => p.Field))
            {
                errors[$"events[{i}].{group.Key}"] = [.. group.Select(p => p.Message)];
            }
        }

        return new ValidatedEvents(new EventBatch(behaviour, ads, consents), [.. expired]);
    }

    private void Check(IncomingEvent sent, DateTime now, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(sent.ShopperId))
        {
            problems.Add((EventFields.ShopperId, "shopperId is required."));
        }
        else if (sent.ShopperId.Length > BehaviourEventRules.MaxShopperIdLength)
        {
            problems.Add((EventFields.ShopperId, $"shopperId is longer than {BehaviourEventRules.MaxShopperIdLength} characters."));
        }

        if (sent.Timestamp is not { } at)
        {
            problems.Add((EventFields.Timestamp, "timestamp is required (ISO 8601, for example 2026-11-23T10:15:00Z)."));
        }
        else if (EventTimestamps.IsTooFarAhead(at.UtcDateTime, now))
        {
            problems.Add((EventFields.Timestamp, "timestamp is in the future."));
        }

        if (EventTypes.Parse(sent.Type) is null)
        {
            problems.Add((EventFields.Type, $"type must be one of: {string.Join(", ", EventTypes.Names)}."));
        }

        CheckText(sent.Category, EventFields.Category, problems);
        CheckText(sent.ProductId, EventFields.ProductId, problems);
        CheckText(sent.Query, EventFields.Query, problems);
        if (sent.EventId is { } eventId && (eventId.Length is 0 or > BehaviourEventRules.MaxEventIdLength))
        {
            problems.Add((EventFields.EventId, $"eventId, when given, is 1 to {BehaviourEventRules.MaxEventIdLength} characters."));
        }

        var limits = options.Value;
        CheckAmount(sent.Amount, EventFields.Amount, limits.MaxAmount, problems);
        CheckAmount(sent.DwellSeconds, EventFields.DwellSeconds, limits.MaxDwellSeconds, problems);
        CheckAmount(sent.Revenue, "revenue", limits.MaxRevenue, problems);
    }

    /// <summary>Adds the event to the batch, or records why it cannot be; false when it is an ad event of an expired decision.</summary>
    private bool Convert(IncomingEvent sent, Lists into, List<(string, string)> problems)
    {
        var (behaviour, ads, consents) = into;
        var type = EventTypes.Parse(sent.Type)!.Value;
        var at = sent.Timestamp!.Value.UtcDateTime;
        if (type.IsConsent)
        {
            AddConsent(sent, at, consents, problems);
            return true;
        }

        if (type.Ad is { } adType)
        {
            if (string.IsNullOrWhiteSpace(sent.DecisionId))
            {
                problems.Add(("decisionId", "decisionId is required for ad events."));
                return true;
            }

            if (adType == AdEventType.Conversion && sent.Revenue is null)
            {
                problems.Add(("revenue", "revenue is required for conversions."));
                return true;
            }

            var status = codec.Decode(sent.DecisionId, sent.ShopperId!, out var ticket);
            if (status != DecisionIdStatus.Valid)
            {
                problems.Add(("decisionId", DecisionIdMessages.Describe(status, sent.DecisionId)));
                return true;
            }

            if (attribution.IsBackdated(ticket, at))
            {
                problems.Add((EventFields.Timestamp, $"timestamp {at:O} is before decision '{sent.DecisionId}' was made ({ticket.IssuedAt:O}); ad events cannot be backdated."));
                return true;
            }

            if (attribution.IsExpired(ticket))
            {
                return false;
            }

            ads.Add(AdEventAttribution.Attribute(adType, sent.DecisionId, ticket, sent.ShopperId!, at, sent.Revenue ?? 0, snapshots.Current.PlacementNames));
            return true;
        }

        var kind = type.Behaviour!.Value;
        foreach (var field in BehaviourEventRules.RequiredFields(kind))
        {
            if (!Carries(sent, field))
            {
                problems.Add((field, field == EventFields.Amount ? "amount is required for purchases." : $"{field} is required for this event type."));
            }
        }

        if (problems.Count == 0)
        {
            behaviour.Add(new BehaviourEvent
            {
                ShopperId = sent.ShopperId!,
                Type = kind,
                OccurredAt = at,
                Category = sent.Category,
                ProductId = sent.ProductId,
                Query = sent.Query,
                Amount = sent.Amount,
                DwellSeconds = sent.DwellSeconds,
                EventId = sent.EventId,
            });
        }

        return true;
    }

    private static void AddConsent(IncomingEvent sent, DateTime at, List<ConsentChange> consents, List<(string, string)> problems)
    {
        if (sent.Personalisation is null)
        {
            problems.Add((ConsentFields.Personalisation, "personalisation is required for consent events (true or false)."));
        }

        if (sent.Measurement is null)
        {
            problems.Add((ConsentFields.Measurement, "measurement is required for consent events (true or false)."));
        }

        if (problems.Count == 0)
        {
            consents.Add(new ConsentChange(sent.ShopperId!, sent.Personalisation!.Value, sent.Measurement!.Value, at));
        }
    }

    /// <summary>Whether the event carries a value for one of the fields a type may require.</summary>
    private static bool Carries(IncomingEvent sent, string field) => field switch
    {
        EventFields.Category => !string.IsNullOrWhiteSpace(sent.Category),
        EventFields.ProductId => !string.IsNullOrWhiteSpace(sent.ProductId),
        EventFields.Query => !string.IsNullOrWhiteSpace(sent.Query),
        EventFields.Amount => sent.Amount is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a field a behaviour event type requires."),
    };

    private static void CheckText(string? value, string field, List<(string, string)> problems)
    {
        if (!BehaviourEventRules.IsTextShortEnough(value))
        {
            problems.Add((field, $"{field} is longer than {BehaviourEventRules.MaxTextLength} characters."));
        }
    }

    private static void CheckAmount(double? value, string field, double max, List<(string, string)> problems)
    {
        if (value is { } number && !BehaviourEventRules.IsWithin(number, max))
        {
            problems.Add((field, $"{field} must be a number from 0 to {max.ToString("N0", CultureInfo.InvariantCulture)}."));
        }
    }

    private sealed record Lists(List<BehaviourEvent> Behaviour, List<AdEvent> Ads, List<ConsentChange> Consents);
}
