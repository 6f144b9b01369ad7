using AdStudio.Core.Auditing;
using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Experiments;

/// <summary>
/// Draft → running → stopped with a decision. A running experiment's arms and weights are frozen (start a new
/// experiment instead), a campaign runs one experiment at a time, every arm must be a creative of the campaign,
/// and all arms fit the same placement (a comparison across ad slots measures the slot, not the creative).
/// </summary>
public sealed class ExperimentLifecycle(IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock)
{
    /// <summary>The largest traffic weight of an arm; weights are relative, so this only keeps their sum finite.</summary>
    public const double MaxWeight = 1_000_000;

    public async Task<Experiment> CreateAsync(ExperimentDraft draft, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.Include(c => c.Creatives).FirstOrDefaultAsync(c => c.Id == draft.CampaignId, ct)
            ?? throw new ExperimentNotFoundException($"Campaign {draft.CampaignId} does not exist.");
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 128)
        {
            throw new ExperimentRuleException("Give the experiment a name of at most 128 characters.") { Field = "name" };
        }

        if (draft.Arms.Count < 2)
        {
            throw new ExperimentRuleException("An experiment needs a control and at least one treatment.") { Field = "arms" };
        }

        if (draft.Arms.Any(a => !(a.Weight > 0 && a.Weight <= MaxWeight)))
        {
            throw new ExperimentRuleException($"Every arm needs a positive traffic weight of at most {MaxWeight:N0}.") { Field = "arms" };
        }

        if (draft.Arms.Select(a => a.CreativeId).Distinct().Count() != draft.Arms.Count)
        {
            throw new ExperimentRuleException("Each arm must show a different creative.") { Field = "arms" };
        }

        if (draft.Arms.FirstOrDefault(a => campaign.Creatives.All(c => c.Id != a.CreativeId)) is { } stranger)
        {
            throw new ExperimentRuleException($"Creative {stranger.CreativeId} does not belong to campaign \"{campaign.Name}\".") { Field = "arms" };
        }

        var armCreatives = draft.Arms.Select(a => campaign.Creatives.First(c => c.Id == a.CreativeId)).ToList();
        if (ArmPlacement.FirstMismatch(armCreatives) is { } odd)
        {
            throw new ExperimentRuleException(ArmPlacement.Describe(armCreatives[0], armCreatives[odd])) { Field = $"arms[{odd}].creativeId" };
        }

        if (!(draft.Alpha > 0 && draft.Alpha <= 0.5))
        {
            throw new ExperimentRuleException("Alpha must be greater than 0 and at most 0.5.") { Field = "alpha" };
        }

        if (draft.PrimaryMetric is { } metric && !MetricKey.IsKnown(metric))
        {
            throw new ExperimentRuleException($"Unknown primary metric \"{metric}\"; use one of {string.Join(", ", MetricKey.All)}.");
        }

        var experiment = new Experiment
        {
            CampaignId = campaign.Id,
            Name = draft.Name.Trim(),
            Hypothesis = draft.Hypothesis?.Trim(),
            Status = ExperimentStatus.Draft,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Alpha = draft.Alpha,
            Sequential = draft.Sequential,
            SequentialTuning = Math.Max(1, draft.SequentialTuning),
            UseCuped = draft.UseCuped,
            MinimumDetectableEffect = draft.MinimumDetectableEffect,
            PlannedUnitsPerVariant = draft.PlannedUnitsPerVariant,
            PrimaryMetric = draft.PrimaryMetric ?? MetricKey.DefaultFor(campaign.Objective),
            Variants = [.. draft.Arms.Select((a, i) => new Variant { Name = a.Name.Trim(), CreativeId = a.CreativeId, Weight = a.Weight, IsControl = i == 0 })],
        };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync(ct);
        AuditTrail.Add(db, AuditTrail.Experiment, experiment.Id, actor, "created", $"{experiment.Name}: {Weights(experiment)}", experiment.CreatedAt);
        await db.SaveChangesAsync(ct);
        return experiment;
    }

    public async Task StartAsync(int experimentId, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var experiment = await FindAsync(db, experimentId, ct);
        if (experiment.Status != ExperimentStatus.Draft)
        {
            throw new ExperimentRuleException($"Only a draft can start; this experiment is {experiment.Status.ToString().ToLowerInvariant()}.");
        }

        if (await db.Experiments.AnyAsync(e => e.CampaignId == experiment.CampaignId && e.Status == ExperimentStatus.Running, ct))
        {
            throw new ExperimentRuleException("This campaign already runs an experiment; stop it first.");
        }

        experiment.Status = ExperimentStatus.Running;
        experiment.StartedAt = clock.GetUtcNow().UtcDateTime;
        AuditTrail.Add(db, AuditTrail.Experiment, experiment.Id, actor, "started", Weights(experiment), experiment.StartedAt.Value);
        await db.SaveChangesAsync(ct);
    }

    /// <param name="decision">An <see cref="ExperimentDecision"/> value.</param>
    public async Task StopAsync(int experimentId, string decision, string rationale, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var experiment = await FindAsync(db, experimentId, ct);
        if (experiment.Status != ExperimentStatus.Running)
        {
            throw new ExperimentRuleException("Only a running experiment can be stopped.");
        }

        var shipped = ExperimentDecision.ShippedVariant(decision);
        var valid = decision is ExperimentDecision.KeepControl or ExperimentDecision.Inconclusive
            || (shipped is { } id && experiment.Variants.Any(v => v.Id == id && !v.IsControl));
        if (!valid)
        {
            throw new ExperimentRuleException("Decide to ship one of the treatments, keep the control, or call it inconclusive.");
        }

        if (string.IsNullOrWhiteSpace(rationale))
        {
            throw new ExperimentRuleException("Write down why: the rationale is what the next person reads.");
        }

        experiment.Status = ExperimentStatus.Stopped;
        experiment.StoppedAt = clock.GetUtcNow().UtcDateTime;
        experiment.Decision = decision;
        experiment.Rationale = rationale.Trim();
        AuditTrail.Add(db, AuditTrail.Experiment, experiment.Id, actor, "stopped", $"{decision}: {experiment.Rationale}", experiment.StoppedAt.Value);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Changes traffic weights of a draft; a running or stopped experiment refuses (start a new one).</summary>
    public async Task UpdateWeightsAsync(int experimentId, IReadOnlyDictionary<int, double> weights, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var experiment = await FindAsync(db, experimentId, ct);
        if (experiment.Status != ExperimentStatus.Draft)
        {
            throw new ExperimentRuleException("The weights of a running or stopped experiment cannot change: shoppers are already assigned. Start a new experiment instead.");
        }

        if (weights.Values.Any(w => !(w > 0 && w <= MaxWeight)) || weights.Keys.Any(id => experiment.Variants.All(v => v.Id != id)))
        {
            throw new ExperimentRuleException($"Give each existing arm a positive weight of at most {MaxWeight:N0}.");
        }

        foreach (var variant in experiment.Variants)
        {
            variant.Weight = weights.GetValueOrDefault(variant.Id, variant.Weight);
        }

        AuditTrail.Add(db, AuditTrail.Experiment, experiment.Id, actor, "weights-changed", Weights(experiment), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    private static string Weights(Experiment experiment) =>
        "weights " + string.Join(", ", experiment.Variants.Select(v => $"{v.Name} {v.Weight.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}"));

    private static async Task<Experiment> FindAsync(AdStudioDb db, int id, CancellationToken ct) =>
        await db.Experiments.Include(e => e.Variants).FirstOrDefaultAsync(e => e.Id == id, ct)
        ?? throw new ExperimentNotFoundException($"Experiment {id} does not exist.");
}
