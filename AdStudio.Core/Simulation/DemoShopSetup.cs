using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Stats;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Segments;
using AdStudio.Core.Shoppers;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Simulation;

/// <summary>Writes the demo world's shoppers, segments, creatives, campaigns and experiment.</summary>
internal static class DemoShopSetup
{
    public static async Task WriteShoppersAsync(AdStudioDb db, SimulatedWorld world, DateTime firstSeen, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in world.Shoppers.Chunk(5000))
        {
            db.Shoppers.AddRange(chunk.Select(s => new Shopper
            {
                Id = s.Id,
                AllowsPersonalisation = s.HasTrackingConsent,
                AllowsMeasurement = s.HasTrackingConsent,
                ConsentUpdatedAt = firstSeen,
                AgeBand = s.AgeBand,
                Gender = s.Gender,
                Region = s.Region,
                FirstSeenAt = firstSeen,
            }));

            // The demo's one consent flag stands for both purposes, kept as history like any other consent.
            db.ConsentRecords.AddRange(chunk.Select(s => new ConsentRecord
            {
                ShopperId = s.Id,
                Personalisation = s.HasTrackingConsent,
                Measurement = s.HasTrackingConsent,
                OccurredAt = firstSeen,
                RecordedAt = firstSeen,
                Source = ConsentSources.Demo,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Creates the demo segments with their membership (consenting shoppers only).</summary>
    public static async Task<Dictionary<string, int>> WriteSegmentsAsync(AdStudioDb db, SimulatedWorld world, DateTime now, CancellationToken ct)
    {
        var ids = new Dictionary<string, int>();
        foreach (var demo in DemoCatalog.Segments)
        {
            var members = world.Shoppers.Where(s => s.HasTrackingConsent && demo.Includes(s)).ToList();
            var segment = new Segment
            {
                Name = demo.Name,
                Description = demo.Description,
                Kind = SegmentKind.Rule,
                RuleJson = demo.RuleJson,
                Size = members.Count,
                CreatedAt = now,
                MaterialisedAt = now,
            };
            db.Segments.Add(segment);
            await db.SaveChangesAsync(ct);
            ids[demo.Name] = segment.Id;
            foreach (var chunk in members.Chunk(5000))
            {
                db.SegmentMembers.AddRange(chunk.Select(s => new SegmentMember { SegmentId = segment.Id, ShopperId = s.Id }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        return ids;
    }

    /// <summary>Creates campaigns and their approved creatives; returns each creative's ground truth by id.</summary>
    public static async Task<Dictionary<int, CreativeTruth>> WriteCampaignsAsync(
        AdStudioDb db, IReadOnlyDictionary<string, int> segmentIds, DateTime start, CancellationToken ct)
    {
        var truths = new Dictionary<int, CreativeTruth>();
        foreach (var demo in DemoCatalog.Campaigns)
        {
            var creatives = demo.Creatives.Select(c => new Creative
            {
                Name = Path.GetFileNameWithoutExtension(c.File),
                Headline = c.Headline,
                Body = $"Shop {demo.Category} at our store.",
                CallToAction = "Shop now",
                LandingUrl = $"https://shop.example.com/{demo.Category}?utm_campaign={Uri.EscapeDataString(demo.Name)}",
                ApprovedLandingUrl = $"https://shop.example.com/{demo.Category}?utm_campaign={Uri.EscapeDataString(demo.Name)}",
                Category = demo.Category,
                ImageUrl = $"/demo/{c.File}",
                Width = c.Width,
                Height = c.Height,
                Discount = c.Discount,
                Status = CreativeStatus.Approved,
                ReviewedBy = "demo seed",
                ReviewedAt = start,
                CreatedAt = start,
            }).ToList();
            var campaign = new Campaign
            {
                Name = demo.Name,
                Status = CampaignStatus.Active,
                BidType = demo.BidType,
                Bid = demo.Bid,
                DailyBudget = demo.DailyBudget,
                TotalBudget = demo.DailyBudget * 60,
                StartsAt = start,
                FrequencyCapPerDay = 5,
                CreatedAt = start,
                Creatives = creatives,
            };
            AddTarget(campaign, segmentIds, demo.IncludeSegment, exclude: false);
            AddTarget(campaign, segmentIds, demo.ExcludeSegment, exclude: true);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(ct);

            for (var i = 0; i < creatives.Count; i++)
            {
                var truth = demo.Creatives[i];
                truths[creatives[i].Id] = new CreativeTruth(Catalog.IndexOf(demo.Category), truth.Appeal, truth.Discount);
            }

            if (demo.RunsExperiment)
            {
                db.Experiments.Add(HeadlineTest(campaign, creatives, start));
                await db.SaveChangesAsync(ct);
            }
        }

        return truths;
    }

    private static void AddTarget(Campaign campaign, IReadOnlyDictionary<string, int> segmentIds, string? segment, bool exclude)
    {
        if (segment is not null)
        {
            campaign.Targets.Add(new CampaignTarget { SegmentId = segmentIds[segment], Exclude = exclude });
        }
    }

    private static Experiment HeadlineTest(Campaign campaign, List<Creative> creatives, DateTime start)
    {
        var rectangles = creatives.Where(c => c.Width == 300 && c.Height == 250).Take(2).ToList();
        return new Experiment
        {
            CampaignId = campaign.Id,
            Name = $"{campaign.Name}: discount vs. delivery headline",
            Hypothesis = "A discount headline earns more clicks than a free-delivery headline.",
            Status = ExperimentStatus.Running,
            CreatedAt = start,
            StartedAt = start,
            MinimumDetectableEffect = 0.25,
            // Planned for a 3 % conversion rate among exposed shoppers and a 25 % relative lift.
            PlannedUnitsPerVariant = SampleSizePlan.For(0.03, 0.25, 0.05, 0.8, 2, null).UnitsPerVariant,
            Variants =
            [
                new Variant { Name = "Control", CreativeId = rectangles[0].Id, Weight = 0.5, IsControl = true },
                new Variant { Name = "Treatment", CreativeId = rectangles[1].Id, Weight = 0.5 },
            ],
        };
    }
}
