using AdStudio.Core.Campaigns;
using AdStudio.Core.Experiments;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Shop;

namespace AdStudio.Core.Serving;

/// <summary>
/// Chooses the ad for one request: filters the snapshot's campaigns by schedule, dayparting, budget,
/// placement, targeting and the shopper's frequency cap, picks each campaign's creative (the experiment's variant when one runs, else the
/// highest expected value), then shows the highest expected value, or with a small probability a random
/// eligible campaign so that every ad keeps earning evidence. Rates come from the active click and conversion models
/// when the snapshot has them (pCTR and pCVR for this shopper, creative, hour and placement), else from smoothed history.
/// </summary>
public sealed class DecisionEngine(double explorationRate)
{
    /// <summary>Null when no campaign is eligible.</summary>
    public Decision? Decide(ServingSnapshot snapshot, string shopperId, string placement, DateTime now, Random random, FrequencyCounter? frequency = null)
    {
        if (!snapshot.Placements.TryGetValue(placement, out var size))
        {
            return null;
        }

        var segments = snapshot.SegmentsOf(shopperId);
        var (hourOfWeek, day) = snapshot.LocalTime(now);
        Decision? best = null;
        var eligible = 0;
        Decision? explored = null;
        var explore = random.NextDouble() < explorationRate;
        var campaigns = snapshot.Campaigns;
        var models = snapshot.Models;
        // Looked up once per request: every candidate is scored for the same shopper.
        var shopper = models.Ctr is null && models.Cvr is null ? null : models.FeaturesOf(shopperId);
        for (var i = 0; i < campaigns.Count; i++)
        {
            var campaign = campaigns[i];
            if (!campaign.IsScheduledAt(now) || !campaign.ServesAtHour(hourOfWeek) || !campaign.HasBudget
                || !campaign.ServesIn(placement) || !Targets(campaign, segments) || Capped(campaign, snapshot, shopperId, day, frequency))
            {
                continue;
            }

            var candidate = Candidate(campaign, shopperId, shopper, size, placement, now, models);
            if (candidate is null)
            {
                continue;
            }

            eligible++;
            if (best is null || candidate.ExpectedValue > best.ExpectedValue)
            {
                best = candidate;
            }

            // Reservoir sampling keeps a uniformly random eligible candidate in one pass.
            if (explore && random.Next(eligible) == 0)
            {
                explored = candidate;
            }
        }

        return explore && explored is not null && explored != best ? explored with { Explored = true } : best;
    }

    /// <summary>Whether the shopper has already seen the campaign as often today as its cap allows.</summary>
    public static bool Capped(ServingCampaign campaign, ServingSnapshot snapshot, string shopperId, DateOnly day, FrequencyCounter? frequency)
    {
        if (campaign.FrequencyCapPerDay is not { } cap)
        {
            return false;
        }

        var seen = frequency?.SeenOn(snapshot, shopperId, campaign.Id, day)
            ?? (snapshot.Day == day ? snapshot.ImpressionsToday(shopperId, campaign.Id) : 0);
        return seen >= cap;
    }

    /// <summary>A campaign with include targets needs one of them; any exclude target rules it out.</summary>
    public static bool Targets(ServingCampaign campaign, int[] shopperSegments)
    {
        foreach (var excluded in campaign.ExcludeSegments)
        {
            if (Array.BinarySearch(shopperSegments, excluded) >= 0)
            {
                return false;
            }
        }

        if (campaign.IncludeSegments.Length == 0)
        {
            return true;
        }

        foreach (var included in campaign.IncludeSegments)
        {
            if (Array.BinarySearch(shopperSegments, included) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static Decision? Candidate(ServingCampaign campaign, string shopperId, ShopperFeatures? shopper, PlacementSize size, string placement, DateTime now, ServingModels models)
    {
        var cvrModel = campaign.BidType is BidType.Cpa or BidType.Ocpa ? models.Cvr : null;
        var experiment = campaign.Experiment;
        if (experiment is not null)
        {
            var arm = Bucketer.Assign(experiment.Id, shopperId, experiment.Weights);
            var assigned = Find(campaign.Creatives, experiment.CreativeIds[arm]);
            if (assigned is not null && size.Fits(assigned.Width, assigned.Height))
            {
                // Every arm competes with the same score, so whether a shopper is exposed never depends on
                // the arm they were assigned (otherwise a weak arm loses auctions and the split is biased).
                var ctr = models.Ctr is null ? experiment.PooledCtr : Pooled(models.Ctr, campaign, experiment, shopper!, now, placement);
                var cvr = cvrModel is null ? campaign.SmoothedCvr : Pooled(cvrModel, campaign, experiment, shopper!, now, placement);
                var value = Ranking.ExpectedValuePerImpression(campaign.BidType, campaign.Bid, ctr, cvr);
                return new Decision(campaign, assigned, experiment, experiment.VariantIds[arm], ctr, cvr, value, false, models.Ctr?.VersionId, cvrModel?.VersionId);
            }
        }

        Decision? best = null;
        foreach (var creative in campaign.Creatives)
        {
            if (!size.Fits(creative.Width, creative.Height))
            {
                continue;
            }

            var ctr = models.Ctr?.Predict(shopper!, creative.Facts, now, placement, creative.SmoothedCtr) ?? creative.SmoothedCtr;
            var cvr = cvrModel?.Predict(shopper!, creative.Facts, now, placement, creative.SmoothedCtr) ?? campaign.SmoothedCvr;
            // Under CPM every creative earns the same, so the likelier click still picks the creative.
            var value = Ranking.ExpectedValuePerImpression(campaign.BidType, campaign.Bid, ctr, cvr);
            if (best is null || value > best.ExpectedValue || (value == best.ExpectedValue && ctr > best.ClickRate))
            {
                best = new Decision(campaign, creative, null, 0, ctr, cvr, value, false, models.Ctr?.VersionId, cvrModel?.VersionId);
            }
        }

        return best;
    }

    /// <summary>The arms' predicted rates for this shopper averaged by arm weight.</summary>
    private static double Pooled(ModelScorer model, ServingCampaign campaign, ServingExperiment experiment, ShopperFeatures shopper, DateTime now, string placement)
    {
        double weighted = 0, weights = 0;
        for (var i = 0; i < experiment.CreativeIds.Length; i++)
        {
            var creative = Find(campaign.Creatives, experiment.CreativeIds[i]);
            if (creative is not null)
            {
                weighted += experiment.Weights[i] * model.Predict(shopper, creative.Facts, now, placement, creative.SmoothedCtr);
                weights += experiment.Weights[i];
            }
        }

        return weights > 0 ? weighted / weights : 0;
    }

    private static ServingCreative? Find(ServingCreative[] creatives, int id)
    {
        foreach (var creative in creatives)
        {
            if (creative.Id == id)
            {
                return creative;
            }
        }

        return null;
    }
}
