using AdStudio.Core.Experiments;

namespace AdStudio.Core.Serving;

/// <summary>
/// Chooses the ad for one request: filters the snapshot's campaigns by schedule, dayparting, budget,
/// placement, targeting and the shopper's frequency cap, picks each campaign's creative (the experiment's variant when one runs, else the best
/// smoothed CTR), then shows the highest expected value, or with a small probability a random
/// eligible campaign so that every ad keeps earning evidence.
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
        for (var i = 0; i < campaigns.Count; i++)
        {
            var campaign = campaigns[i];
            if (!campaign.IsScheduledAt(now) || !campaign.ServesAtHour(hourOfWeek) || !campaign.HasBudget
                || !campaign.ServesIn(placement) || !Targets(campaign, segments) || Capped(campaign, snapshot, shopperId, day, frequency))
            {
                continue;
            }

            var candidate = Candidate(campaign, shopperId, size);
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

    private static Decision? Candidate(ServingCampaign campaign, string shopperId, PlacementSize size)
    {
        var experiment = campaign.Experiment;
        if (experiment is not null)
        {
            var arm = Bucketer.Assign(experiment.Id, shopperId, experiment.Weights);
            var assigned = Find(campaign.Creatives, experiment.CreativeIds[arm]);
            if (assigned is not null && size.Fits(assigned.Width, assigned.Height))
            {
                // Every arm competes with the same score, so whether a shopper is exposed never depends on
                // the arm they were assigned (otherwise a weak arm loses auctions and the split is biased).
                var value = Ranking.ExpectedValuePerImpression(campaign.BidType, campaign.Bid, experiment.PooledCtr, campaign.SmoothedCvr);
                return new Decision(campaign, assigned, experiment, experiment.VariantIds[arm], experiment.PooledCtr, campaign.SmoothedCvr, value, false);
            }
        }

        ServingCreative? chosen = null;
        foreach (var creative in campaign.Creatives)
        {
            if (size.Fits(creative.Width, creative.Height) && (chosen is null || creative.SmoothedCtr > chosen.SmoothedCtr))
            {
                chosen = creative;
            }
        }

        return chosen is null ? null : Score(campaign, chosen, null, 0);
    }

    private static Decision Score(ServingCampaign campaign, ServingCreative creative, ServingExperiment? experiment, int variantId)
    {
        var value = Ranking.ExpectedValuePerImpression(campaign.BidType, campaign.Bid, creative.SmoothedCtr, campaign.SmoothedCvr);
        return new Decision(campaign, creative, experiment, variantId, creative.SmoothedCtr, campaign.SmoothedCvr, value, false);
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
