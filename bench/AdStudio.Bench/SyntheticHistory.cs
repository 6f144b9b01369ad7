using AdStudio.Core.Events;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Simulation;

namespace AdStudio.Bench;

/// <summary>
/// An ad history of any size drawn from the simulator's world and ground truth, in memory: behaviour events sampled
/// from each shopper's interests near their peak hour, impressions of random demo creatives, clicks and conversions
/// with the true probabilities. Lets the model benchmark reach 1,000,000 impressions without a long seed.
/// </summary>
internal sealed record SyntheticHistory(List<TimelineEvent> Events, List<TimelineImpression> Impressions, Dictionary<int, CreativeFacts> Creatives, SimulatedWorld World)
{
    public static SyntheticHistory Generate(int shoppers, int impressionsPerShopper, int eventsPerShopper, DateTime end, int days = 30, int seed = 9)
    {
        var random = new Random(seed);
        var world = WorldGenerator.Generate(seed, shoppers);
        var demo = DemoCatalog.Campaigns.SelectMany(c => c.Creatives.Select(cr => (Campaign: c, Creative: cr))).ToList();
        var facts = demo.Select((d, i) => new CreativeFacts(i + 1, d.Campaign.Category, d.Creative.Discount, d.Creative.Headline.Length)).ToDictionary(f => f.Id);
        var truths = demo.Select(d => new CreativeTruth(Catalog.IndexOf(d.Campaign.Category), d.Creative.Appeal, d.Creative.Discount)).ToArray();
        var start = end.AddDays(-days);
        var events = new List<TimelineEvent>(shoppers * eventsPerShopper);
        var impressions = new List<TimelineImpression>(shoppers * impressionsPerShopper);
        foreach (var shopper in world.Shoppers)
        {
            DateTime When() => start.AddDays(random.Next(days)).AddHours((shopper.PeakHour + (random.NextDouble() * 6) - 3 + 24) % 24);
            for (var e = 0; shopper.HasTrackingConsent && e < eventsPerShopper; e++)
            {
                var category = Catalog.Categories[Pick(random, shopper.Interests)];
                var type = random.NextDouble() < 0.1 ? BehaviourEventType.Purchase : BehaviourEventType.View;
                events.Add(new TimelineEvent(shopper.Id, When(), type, category, type == BehaviourEventType.Purchase ? 20 + (random.NextDouble() * 80) : null));
            }

            for (var i = 0; i < impressionsPerShopper; i++)
            {
                var at = When();
                var creative = random.Next(truths.Length);
                var clicked = random.NextDouble() < GroundTruth.ClickProbability(shopper, truths[creative], at.Hour);
                var converted = clicked && random.NextDouble() < GroundTruth.ConversionProbability(shopper, truths[creative]);
                impressions.Add(new TimelineImpression(shopper.Id, at, creative + 1, random.Next(2) == 0 ? "sidebar" : "mobile", clicked ? at.AddSeconds(30) : null, converted));
            }
        }

        events.Sort((a, b) => a.At.CompareTo(b.At));
        impressions.Sort((a, b) => a.At.CompareTo(b.At));
        return new SyntheticHistory(events, impressions, facts, world);
    }

    private static int Pick(Random random, double[] weights)
    {
        var draw = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
