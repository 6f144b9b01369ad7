using AdStudio.Core.Campaigns;
using AdStudio.Core.Serving;

namespace AdStudio.Core.Modeling.Scoring;

/// <summary>
/// Scores one campaign's target shoppers against a snapshot's models, in parallel, and keeps the best; a likely clicker's
/// predicted CTR is at least <paramref name="lift"/> times the campaign's smoothed historical CTR.
/// </summary>
public sealed class AudienceScorer(ServingSnapshot snapshot, double lift)
{
    public CampaignAudience Score(ServingCampaign campaign, IReadOnlyList<string> shoppers, DateTime at, int keep, CancellationToken ct)
    {
        var models = snapshot.Models;
        var ctr = models.Ctr ?? throw new InvalidOperationException("Scoring needs an active click model.");
        var cvr = campaign.BidType is BidType.Cpa or BidType.Ocpa ? models.Cvr : null;
        var placement = campaign.Placements.FirstOrDefault() ?? snapshot.PlacementNames.FirstOrDefault() ?? "";
        // Creatives that fit the placement, as /serve would choose among them (all, if none fits).
        var size = snapshot.Placements.GetValueOrDefault(placement);
        var fitting = campaign.Creatives.Where(c => size is null || size.Fits(c.Width, c.Height)).ToArray();
        var creatives = fitting.Length > 0 ? fitting : campaign.Creatives;
        var threshold = lift * campaign.Creatives.Average(c => c.SmoothedCtr);
        var targeted = shoppers.Where(s => DecisionEngine.Targets(campaign, snapshot.SegmentsOf(s))).ToArray();
        var best = new (double Value, double Click, double Convert, int Creative)[targeted.Length];
        Parallel.For(0, targeted.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var shopper = models.FeaturesOf(targeted[i]);
            var top = (Value: double.MinValue, Click: 0.0, Convert: 0.0, Creative: 0);
            foreach (var creative in creatives)
            {
                var click = ctr.Predict(shopper, creative.Facts, at, placement, creative.SmoothedCtr);
                var convert = cvr?.Predict(shopper, creative.Facts, at, placement, creative.SmoothedCtr) ?? campaign.SmoothedCvr;
                var value = Ranking.ExpectedValuePerImpression(campaign.BidType, campaign.Bid, click, convert);
                if (value > top.Value || (value == top.Value && click > top.Click))
                {
                    top = (value, click, convert, creative.Id);
                }
            }

            best[i] = top;
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
}
