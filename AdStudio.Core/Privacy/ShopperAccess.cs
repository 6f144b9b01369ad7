using System.Text.Json;
using AdStudio.Core.Auditing;
using AdStudio.Core.Experiments;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Privacy;

/// <summary>Answers access requests: reads every table of <see cref="ShopperTables"/> for one shopper and logs the request.</summary>
public sealed class ShopperAccess(IDbContextFactory<AdStudioDb> dbFactory, ShopperPseudonyms pseudonyms, TimeProvider clock)
{
    public const string AssignmentsNote =
        "Experiment assignments are not stored: serving derives the arm from a hash of the experiment id and the shopper id " +
        "each time it shows an experiment's campaign. Listed are the arm each experiment (running or stopped) gives this shopper " +
        "(basis derived; it applied only when the campaign was shown), and the arms recorded on the shopper's ad events (basis ad-events).";

    /// <summary>The masked id, consent and rows per table, or null when no table holds anything about <paramref name="shopperId"/>.</summary>
    public async Task<ShopperSummary?> SummarizeAsync(string shopperId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopperId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await CountAsync(db, shopperId, ct);
        if (counts.Values.All(c => c == 0))
        {
            return null;
        }

        var consent = await db.Shoppers.AsNoTracking().Where(s => s.Id == shopperId)
            .Select(s => new { s.AllowsPersonalisation, s.AllowsMeasurement }).SingleOrDefaultAsync(ct);
        return new ShopperSummary(pseudonyms.Mask(shopperId), consent?.AllowsPersonalisation, consent?.AllowsMeasurement, counts);
    }

    /// <summary>The shopper's document, or null when no table holds anything about <paramref name="shopperId"/>.</summary>
    public async Task<ShopperAccessDocument?> ReadAsync(string shopperId, string actor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shopperId);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await CountAsync(db, shopperId, ct);
        if (counts.Values.All(c => c == 0))
        {
            return null;
        }

        var adEvents = await db.AdEvents.AsNoTracking().Where(e => e.ShopperId == shopperId).OrderBy(e => e.Id).ToListAsync(ct);
        var masked = pseudonyms.Mask(shopperId);
        var document = new ShopperAccessDocument(
            shopperId,
            masked,
            now,
            await db.Shoppers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shopperId, ct),
            await db.ConsentRecords.AsNoTracking().Where(r => r.ShopperId == shopperId).OrderBy(r => r.OccurredAt).ThenBy(r => r.Id).ToListAsync(ct),
            await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.ShopperId == shopperId, ct),
            await db.BehaviourEvents.AsNoTracking().Where(e => e.ShopperId == shopperId).OrderBy(e => e.Id).ToListAsync(ct),
            adEvents,
            await db.SegmentMembers.AsNoTracking().Where(m => m.ShopperId == shopperId)
                .Join(db.Segments, m => m.SegmentId, s => s.Id, (m, s) => s)
                .OrderBy(s => s.Id).Select(s => new SegmentMembership(s.Id, s.Name)).ToListAsync(ct),
            await db.ClusterAssignments.AsNoTracking().Where(a => a.ShopperId == shopperId).ToListAsync(ct),
            await db.CampaignAudienceMembers.AsNoTracking().Where(m => m.ShopperId == shopperId).OrderBy(m => m.CampaignId).ToListAsync(ct),
            await AssignmentsAsync(db, shopperId, adEvents, ct),
            AssignmentsNote,
            counts);

        var request = new PrivacyRequest
        {
            Type = PrivacyRequestTypes.Access,
            MaskedShopperId = masked,
            RequestedAt = now,
            RequestedBy = actor,
            Counts = JsonSerializer.Serialize(counts),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.PrivacyRequests.Add(request);
        await db.SaveChangesAsync(ct);
        AuditTrail.Add(db, AuditTrail.Privacy, request.Id, actor, "exported", $"{masked}: {request.Counts}", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return document;
    }

    private static async Task<Dictionary<string, int>> CountAsync(AdStudioDb db, string shopperId, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in ShopperTables.All)
        {
            counts[table.Name] = await table.Count(db, shopperId, ct);
        }

        return counts;
    }

    private static async Task<List<ExperimentAssignment>> AssignmentsAsync(AdStudioDb db, string shopperId, List<Events.AdEvent> adEvents, CancellationToken ct)
    {
        var experiments = await db.Experiments.AsNoTracking()
            .Where(e => e.Status != ExperimentStatus.Draft)
            .Include(e => e.Variants)
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
        var result = new List<ExperimentAssignment>();
        foreach (var experiment in experiments.Where(e => e.Variants.Count > 0))
        {
            // The arm order and weights serving uses (SnapshotBuilder): control first, then by id.
            var variants = experiment.Variants.OrderByDescending(v => v.IsControl).ThenBy(v => v.Id).ToArray();
            var arm = variants[Bucketer.Assign(experiment.Id, shopperId, [.. variants.Select(v => v.Weight)])];
            result.Add(new ExperimentAssignment(experiment.Id, experiment.Name, experiment.Status.ToString(), arm.Id, arm.Name, "derived"));
        }

        var variantsById = experiments.SelectMany(e => e.Variants.Select(v => (Experiment: e, Variant: v))).ToDictionary(x => x.Variant.Id);
        foreach (var variantId in adEvents.Where(e => e.VariantId is not null).Select(e => e.VariantId!.Value).Distinct().Order())
        {
            if (variantsById.TryGetValue(variantId, out var found))
            {
                result.Add(new ExperimentAssignment(found.Experiment.Id, found.Experiment.Name, found.Experiment.Status.ToString(), variantId, found.Variant.Name, "ad-events"));
            }
        }

        return result;
    }
}
