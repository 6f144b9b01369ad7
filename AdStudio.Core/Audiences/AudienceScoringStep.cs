using System.Globalization;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Audiences;

/// <summary>
/// The <c>score</c> step: for every active campaign, scores each target shopper with the active click (and, for
/// CPA and oCPA, conversion) model on the campaign's best creative for them, exactly as <c>/serve</c> would, and
/// stores the predicted audience: shoppers ranked by expected value per impression and how many reach the
/// likely-clicker threshold (<see cref="ModelingOptions.AudienceLift"/>). Context is the run's hour and the campaign's first placement
/// (see <see cref="AudienceScorer.Score"/>); a campaign with no creative that fits it gets an empty audience.
/// </summary>
public sealed class AudienceScoringStep(
    IDbContextFactory<AdStudioDb> dbFactory,
    ModelFiles files,
    IOptions<ServingOptions> serving,
    IOptions<ShopOptions> shop,
    IOptions<ModelingOptions> options,
    TimeProvider clock) : IPipelineStep
{
    public string Name => PipelineSteps.Score;

    public async Task<string> RunAsync(IProgress<double> progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Its own loader and snapshot: the job must not share the serving refresher's model cache across threads.
        var snapshot = await new SnapshotBuilder(dbFactory, serving, shop, new ActiveModelLoader(files, clock)).BuildAsync(now, cancellationToken);
        var models = snapshot.Models;
        if (models.Ctr is null)
        {
            return "No active click model yet; train models first. Nothing was scored.";
        }

        string[] shoppers;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Only shoppers who allow personalisation may enter a predicted audience.
            shoppers = [.. await db.Shoppers.AsNoTracking().Where(s => s.AllowsPersonalisation).Select(s => s.Id).ToListAsync(cancellationToken)];
        }

        progress.Report(0.1);
        var scorer = new AudienceScorer(snapshot, options.Value.AudienceLift);
        var audiences = new List<CampaignAudience>();
        long pairs = 0;
        for (var i = 0; i < snapshot.Campaigns.Count; i++)
        {
            var scored = scorer.Score(snapshot.Campaigns[i], shoppers, now, options.Value.AudienceSize, cancellationToken);
            audiences.Add(scored);
            pairs += scored.Shoppers;
            progress.Report(0.1 + (0.8 * (i + 1) / snapshot.Campaigns.Count));
        }

        await SaveAsync(audiences, cancellationToken);
        progress.Report(1);
        var likely = audiences.Sum(a => a.AboveThreshold);
        return string.Create(CultureInfo.InvariantCulture,
            $"Scored {pairs:N0} shopper × campaign pairs for {audiences.Count} active campaigns with CTR model #{models.Ctr.VersionId}{(models.Cvr is null ? "" : $" and CVR model #{models.Cvr.VersionId}")}; {likely:N0} are likely clickers (predicted CTR at least {options.Value.AudienceLift:0.#}× the campaign's).");
    }

    private async Task SaveAsync(List<CampaignAudience> audiences, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = audiences.Select(a => a.CampaignId).ToList();
        await db.CampaignAudienceMembers.Where(m => ids.Contains(m.CampaignId)).ExecuteDeleteAsync(ct);
        await db.CampaignAudiences.Where(a => ids.Contains(a.CampaignId)).ExecuteDeleteAsync(ct);
        db.CampaignAudiences.AddRange(audiences);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
