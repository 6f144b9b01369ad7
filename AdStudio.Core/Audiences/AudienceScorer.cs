using AdStudio.Core.Campaigns;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Serving;

namespace AdStudio.Core.Audiences;

/// <summary>
/// Scores one campaign's target shoppers against a snapshot's models, in parallel, and keeps the best; a likely clicker's
/// predicted CTR is at least <paramref name="lift"/> times the campaign's smoothed historical CTR.
/// </summary>
public sealed class AudienceScorer(ServingSnapshot snapshot, double lift)
{
    /// <summary>
    /// Chooses for each targeted shopper the creative <c>/serve</c> would show in the campaign's first placement at
    /// <paramref name="at"/> (<see cref="CreativeChooser"/>); when no creative fits that placement nobody is scored.
    /// A campaign that serves everywhere is scored in the first placement (by name) it has a fitting creative for.
    /// </summary>
    public CampaignAudience Score(ServingCampaign campaign, IReadOnlyList<string> shoppers, DateTime at, int keep, CancellationToken ct)
    {
        var models = snapshot.Models;
        var ctr = models.Ctr ?? throw new InvalidOperationException("Scoring needs an active click model.");
        var cvr = campaign.BidType is BidType.Cpa or BidType.Ocpa ? models.Cvr : null;
        var (placement, candidate) = Context(campaign);
        var threshold = lift * campaign.Creatives.Average(c => c.SmoothedCtr);
        var targeted = candidate is null ? [] : shoppers.Where(s => DecisionEngine.Targets(campaign, snapshot.SegmentsOf(s))).ToArray();
        var best = new (double Value, double Click, double Convert, int Creative)[targeted.Length];
        Parallel.For(0, targeted.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var chosen = CreativeChooser.Choose(candidate!, targeted[i], models.FeaturesOf(targeted[i]), placement, at, models)!;
            best[i] = (chosen.ExpectedValue, chosen.ClickRate, chosen.ConversionRate, chosen.Creative.Id);
        });

        var order = Enumerable.Range(0, targeted.Length).ToArray();
        Array.Sort(best.Select(b => -b.Value).ToArray(), order);
        return new CampaignAudience
        {
            CampaignId = campaign.Id,
            ScoredAt = at,
            CtrModelId = ctr.VersionId,
            CvrModelId = cvr?.VersionId,
            Shoppers = targeted.Length,
            Threshold = threshold,
            AboveThreshold = best.Count(b => b.Click >= threshold),
            ExpectedClicks = best.Sum(b => b.Click),
            ExpectedValue = best.Sum(b => b.Value),
            Members = [.. order.Take(keep).Select((index, rank) => new CampaignAudienceMember
            {
                CampaignId = campaign.Id,
                Rank = rank + 1,
                ShopperId = targeted[index],
                CreativeId = best[index].Creative,
                ClickProbability = best[index].Click,
                ConversionProbability = best[index].Convert,
                ExpectedValue = best[index].Value,
            })],
        };
    }

    private (string Placement, CampaignCandidate? Candidate) Context(ServingCampaign campaign)
    {
        if (campaign.Placements.Length > 0)
        {
            return (campaign.Placements[0], snapshot.PlacementNamed(campaign.Placements[0])?.CandidateOf(campaign.Id));
        }

        foreach (var name in snapshot.PlacementNames)
        {
            if (snapshot.PlacementNamed(name)!.CandidateOf(campaign.Id) is { } candidate)
            {
                return (name, candidate);
            }
        }

        return (snapshot.PlacementNames.FirstOrDefault() ?? "", null);
    }
}
