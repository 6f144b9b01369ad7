namespace AdStudio.Core.Serving;

/// <summary>
/// Chooses the ad for one request: filters the snapshot's campaigns by schedule, dayparting, budget,
/// placement, targeting and the shopper's frequency cap, picks each campaign's creative with <see cref="CreativeChooser"/> (the experiment's
/// variant when one runs, else the highest expected value), then shows the highest expected value, or with a small probability a random
/// eligible campaign so that every ad keeps earning evidence. Rates come from the active click and conversion models
/// when the snapshot has them (pCTR and pCVR for this shopper, creative, hour and placement), else from smoothed history.
/// </summary>
public sealed class DecisionEngine(double explorationRate)
{
    /// <summary>Null when no campaign is eligible.</summary>
    public Decision? Decide(ServingSnapshot snapshot, string shopperId, string placement, DateTime now, Random random, FrequencyCounter? frequency = null)
    {
        if (snapshot.PlacementNamed(placement) is not { } served)
        {
            return null;
        }

        var segments = snapshot.SegmentsOf(shopperId);
        var (hourOfWeek, day) = snapshot.LocalTime(now);
        // A request on a later shop day than the snapshot's counts none of the snapshot's spend (decision record 6).
        var onSnapshotDay = snapshot.ShopDay.Contains(now);
        Decision? best = null;
        var eligible = 0;
        Decision? explored = null;
        var explore = random.NextDouble() < explorationRate;
        var candidates = served.Candidates;
        var models = snapshot.Models;
        // Looked up once per request: every candidate is scored for the same shopper.
        var shopper = models.Ctr is null && models.Cvr is null ? null : models.FeaturesOf(shopperId);
        for (var i = 0; i < candidates.Length; i++)
        {
            var campaign = candidates[i].Campaign;
            if (!campaign.IsScheduledAt(now) || !campaign.ServesAtHour(hourOfWeek) || !HasBudget(campaign, onSnapshotDay, day, frequency)
                || !Targets(campaign, segments) || Capped(campaign, snapshot, shopperId, day, frequency))
            {
                continue;
            }

            var candidate = CreativeChooser.Choose(candidates[i], shopperId, shopper, placement, now, models);
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
    /// <summary>The snapshot's spend (every node's, as the database had it) plus this node's live charges since.</summary>
    public static bool HasBudget(ServingCampaign campaign, bool onSnapshotDay, DateOnly day, FrequencyCounter? frequency)
    {
        var (today, total) = frequency?.SpentSince(campaign.Id, day) ?? (0, 0);
        return campaign.HasBudgetOn(onSnapshotDay, today, total);
    }

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
}
