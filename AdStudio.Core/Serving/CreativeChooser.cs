using AdStudio.Core.Campaigns;
using AdStudio.Core.Experiments;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Scoring;

namespace AdStudio.Core.Serving;

/// <summary>
/// The one routine that chooses a campaign's creative for a shopper in a placement, used by <c>/serve</c> and batch
/// audience scoring alike: a running experiment shows the shopper's sticky arm, scored with the arms' pooled rates;
/// otherwise the fitting creative with the highest expected value per impression. Rates come from the active models
/// when there are any, else from smoothed history.
/// </summary>
public static class CreativeChooser
{
    /// <summary>Null when no creative of the campaign fits the placement.</summary>
    /// <param name="shopper">The shopper's model features; may be null only when <paramref name="models"/> has no model.</param>
    public static Decision? Choose(CampaignCandidate candidate, string shopperId, ShopperFeatures? shopper, string placement, DateTime now, ServingModels models)
    {
        var campaign = candidate.Campaign;
        var cvrModel = campaign.BidType is BidType.Cpa or BidType.Ocpa ? models.Cvr : null;
        if (campaign.Experiment is { } experiment)
        {
            var arm = Bucketer.Assign(experiment.Id, shopperId, experiment.Weights);
            if (candidate.ArmFits[arm])
            {
                // Every arm competes with the same score, so whether a shopper is exposed never depends on
                // the arm they were assigned (otherwise a weak arm loses auctions and the split is biased).
                var ctr = models.Ctr is null ? candidate.PooledSmoothedCtr : PooledRate(candidate, models.Ctr, shopper, now, placement);
                var cvr = cvrModel is null ? campaign.SmoothedCvr : PooledRate(candidate, cvrModel, shopper, now, placement);
                var value = Ranking.ExpectedValuePerImpression(campaign.BidType, campaign.Bid, ctr, cvr);
                return new Decision(campaign, candidate.ArmCreatives[arm]!, experiment, experiment.VariantIds[arm], ctr, cvr, value, false, models.Ctr?.VersionId, cvrModel?.VersionId);
            }
        }

        // The best so far is kept in locals: one Decision per campaign, not one per better creative.
        ServingCreative? best = null;
        double bestCtr = 0, bestCvr = 0, bestValue = 0;
        foreach (var creative in candidate.Fitting)
        {
            var ctr = models.Ctr?.Predict(shopper!, creative.Facts, now, placement, creative.SmoothedCtr) ?? creative.SmoothedCtr;
            var cvr = cvrModel?.Predict(shopper!, creative.Facts, now, placement, creative.SmoothedCtr) ?? campaign.SmoothedCvr;
            // Under CPM every creative earns the same, so the likelier click still picks the creative.
            var value = Ranking.ExpectedValuePerImpression(campaign.BidType, campaign.Bid, ctr, cvr);
            if (best is null || value > bestValue || (value == bestValue && ctr > bestCtr))
            {
                (best, bestCtr, bestCvr, bestValue) = (creative, ctr, cvr, value);
            }
        }

        return best is null ? null : new Decision(campaign, best, null, Decision.NoVariant, bestCtr, bestCvr, bestValue, false, models.Ctr?.VersionId, cvrModel?.VersionId);
    }

    /// <summary>
    /// The experiment arms' rates averaged by arm weight: predicted by <paramref name="model"/> for this shopper, or the
    /// arms' smoothed CTRs without a model. Arms whose creative is not an approved creative of the campaign are left out.
    /// </summary>
    public static double PooledRate(CampaignCandidate candidate, ModelScorer? model, ShopperFeatures? shopper, DateTime now, string placement)
    {
        var weights = candidate.Campaign.Experiment?.Weights ?? [];
        double weighted = 0, total = 0;
        for (var arm = 0; arm < candidate.ArmCreatives.Length; arm++)
        {
            if (candidate.ArmCreatives[arm] is { } creative)
            {
                var rate = model is null ? creative.SmoothedCtr : model.Predict(shopper!, creative.Facts, now, placement, creative.SmoothedCtr);
                weighted += weights[arm] * rate;
                total += weights[arm];
            }
        }

        return total > 0 ? weighted / total : 0;
    }
}
