using System.Data.Common;
using AdStudio.Core.Events;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Privacy;

/// <summary>
/// Consent at ingest, inside the event store's transaction. A batch's consent events apply first (history kept, latest by
/// timestamp mirrored on the shopper, a withdrawal removes what the purpose allowed, consent to a purpose lifts a
/// suppression); then shoppers not seen before are created with the default of <c>Privacy:ConsentModel</c>; then
/// behaviour events of shoppers without personalisation are dropped and ad events of shoppers without measurement lose
/// their shopper id. Events of suppressed (erased) shoppers are dropped. Everything dropped is counted, never silent.
/// </summary>
public sealed class IngestConsent(IOptions<PrivacyOptions> options, Suppressions suppressions, TimeProvider clock)
{
    public async Task<IngestedBatch> ApplyAsync(DbConnection connection, DbTransaction transaction, EventBatch batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = batch.BehaviourEvents.Select(e => e.ShopperId)
            .Concat(batch.AdEvents.Select(e => e.ShopperId).OfType<string>())
            .Concat(batch.Consents.Select(c => c.ShopperId))
            .ToHashSet(StringComparer.Ordinal);
        var suppressed = await suppressions.FindAsync(connection, transaction, ids, ct);
        var (recorded, duplicates, suppressedConsents) = await ApplyConsentsAsync(connection, transaction, batch.Consents, suppressed, now, ct);

        var behaviour = batch.BehaviourEvents.Where(e => !suppressed.Contains(e.ShopperId)).ToList();
        var ads = batch.AdEvents.Where(e => e.ShopperId is null || !suppressed.Contains(e.ShopperId)).ToList();
        var dropped = suppressedConsents + (batch.BehaviourEvents.Count - behaviour.Count) + (batch.AdEvents.Count - ads.Count);

        // Sorted: nodes inserting the same new shoppers take their row locks in one order, so they cannot deadlock.
        var eventShoppers = behaviour.Select(e => e.ShopperId).Concat(ads.Select(e => e.ShopperId).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var consent = await ConsentOfAsync(connection, transaction, eventShoppers, now, ct);

        var allowed = behaviour.Where(e => consent[e.ShopperId].Personalisation).ToList();
        var unmeasured = eventShoppers.Where(id => !consent[id].Measurement).ToHashSet(StringComparer.Ordinal);
        return new IngestedBatch(allowed, ads, unmeasured, recorded, duplicates, behaviour.Count - allowed.Count, dropped);
    }

    /// <summary>The consent of each shopper, creating those not seen before (read first: almost every shopper is known).</summary>
    private async Task<Dictionary<string, (bool Personalisation, bool Measurement)>> ConsentOfAsync(
        DbConnection connection, DbTransaction transaction, List<string> shoppers, DateTime now, CancellationToken ct)
    {
        var consent = await ShopperConsents.ReadAsync(connection, transaction, shoppers, ct);
        var unknown = shoppers.Where(id => !consent.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            await ShopperConsents.CreateUnknownAsync(connection, transaction, unknown, options.Value.ConsentsByDefault, now, ct);
            // Read again: another node may have created one of them first, possibly with a consent event.
            foreach (var (id, state) in await ShopperConsents.ReadAsync(connection, transaction, unknown, ct))
            {
                consent[id] = state;
            }
        }

        return consent;
    }

    /// <summary>Records the consent events; returns how many were new, exact repeats, and dropped as suppressed.</summary>
    private async Task<(int Recorded, int Duplicates, int Suppressed)> ApplyConsentsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<ConsentChange> consents, HashSet<string> suppressed,
        DateTime now, CancellationToken ct)
    {
        if (consents.Count == 0)
        {
            return (0, 0, 0);
        }

        // A suppressed shopper comes back only by giving consent to at least one purpose; anything else stays dropped.
        var kept = new List<ConsentChange>();
        foreach (var change in consents)
        {
            if (!suppressed.Contains(change.ShopperId) || change.Personalisation || change.Measurement)
            {
                kept.Add(change);
            }
        }

        foreach (var returning in kept.Select(c => c.ShopperId).Where(suppressed.Contains).Distinct(StringComparer.Ordinal).ToList())
        {
            await suppressions.LiftAsync(connection, transaction, returning, ct);
            suppressed.Remove(returning);
        }

        var isNew = await ShopperConsents.RecordAsync(connection, transaction, kept, ConsentSources.Event, now, ct);
        var fresh = kept.Where((_, i) => isNew[i] > 0).ToList();
        await ShopperConsents.ApplyLatestAsync(connection, transaction, fresh, now, ct);

        // The state after all changes decides what must go: removing what a purpose no longer allows is idempotent.
        var changed = fresh.Select(c => c.ShopperId).Distinct(StringComparer.Ordinal).ToList();
        var state = await ShopperConsents.ReadAsync(connection, transaction, changed, ct);
        await ConsentWithdrawal.ApplyAsync(connection, transaction,
            [.. changed.Where(id => !state[id].Personalisation)], [.. changed.Where(id => !state[id].Measurement)], ct);
        return (fresh.Count, kept.Count - fresh.Count, consents.Count - kept.Count);
    }
}
