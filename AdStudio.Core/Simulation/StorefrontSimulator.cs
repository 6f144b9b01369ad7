using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using MathNet.Numerics.Distributions;

namespace AdStudio.Core.Simulation;

/// <summary>
/// Plays simulated shoppers against the shop: their visits produce behaviour events, and each visit asks
/// the real <see cref="AdServer"/> for ads; the shopper then clicks and converts with the ground-truth
/// probabilities. Deterministic for a given <see cref="Random"/>.
/// </summary>
public sealed class StorefrontSimulator(
    AdServer adServer,
    IReadOnlyDictionary<int, CreativeTruth> creativeTruths,
    Random random,
    double secondPlacementShare)
{
    public const string DesktopPlacement = "sidebar";
    public const string SecondDesktopPlacement = "leaderboard";
    public const string MobilePlacement = "mobile";
    private const double MobileShare = 0.35;

    /// <summary>The day's visits of all shoppers, in time order.</summary>
    internal List<StorefrontSession> PlanDay(IReadOnlyList<SimulatedShopper> shoppers, DateOnly day)
    {
        var dayStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var sessions = new List<StorefrontSession>();
        foreach (var shopper in shoppers)
        {
            var visits = Poisson.Sample(random, shopper.SessionsPerDay);
            for (var v = 0; v < visits; v++)
            {
                var hour = ((int)Math.Round(Normal.Sample(random, shopper.PeakHour, 3.0)) % 24 + 24) % 24;
                var start = dayStart.AddHours(hour).AddSeconds(random.Next(3600));
                sessions.Add(new StorefrontSession(shopper, start, random.NextDouble() < MobileShare));
            }
        }

        sessions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return sessions;
    }

    /// <summary>Appends the events of one visit, serving its ads from <paramref name="snapshot"/>.</summary>
    internal void Play(StorefrontSession session, ServingSnapshot snapshot, List<BehaviourEvent> behaviour, List<AdEvent> ads)
    {
        var shopper = session.Shopper;
        if (session.IsMobile)
        {
            ShowAd(session, MobilePlacement, snapshot, ads);
        }
        else
        {
            ShowAd(session, DesktopPlacement, snapshot, ads);
            if (random.NextDouble() < secondPlacementShare)
            {
                ShowAd(session, SecondDesktopPlacement, snapshot, ads);
            }
        }

        // Only shoppers who consented to tracking have their behaviour reported by the storefront.
        if (shopper.HasTrackingConsent)
        {
            Browse(session, behaviour);
        }
    }

    private void Browse(StorefrontSession session, List<BehaviourEvent> events)
    {
        var shopper = session.Shopper;
        var at = session.Start;
        if (random.NextDouble() < 0.3)
        {
            var searched = Categorical.Sample(random, shopper.Interests);
            var terms = Catalog.SearchTerms[searched];
            events.Add(Event(shopper, BehaviourEventType.Search, at, Catalog.Categories[searched], null, terms[random.Next(terms.Length)], null, null));
            at = at.AddSeconds(5 + random.Next(20));
        }

        var views = 1 + Poisson.Sample(random, 2.8);
        for (var i = 0; i < views; i++)
        {
            var categoryIndex = Categorical.Sample(random, shopper.Interests);
            var category = Catalog.Categories[categoryIndex];
            var product = $"{category}-{random.Next(1, 200):D3}";
            var dwell = Math.Min(600, Math.Round(LogNormal.Sample(random, Math.Log(25), 0.6) * (0.6 + (4 * shopper.Interests[categoryIndex])), 1));
            events.Add(Event(shopper, BehaviourEventType.View, at, category, product, null, null, dwell));
            at = at.AddSeconds(dwell + 3);
            if (random.NextDouble() >= Math.Min(0.6, 0.05 + (0.6 * shopper.Interests[categoryIndex])))
            {
                continue;
            }

            events.Add(Event(shopper, BehaviourEventType.AddToCart, at, category, product, null, null, null));
            at = at.AddSeconds(10);
            if (random.NextDouble() < 0.35 * (1.1 - (0.4 * shopper.PriceSensitivity)))
            {
                var price = Catalog.BasePrices[categoryIndex] * Math.Exp(Normal.Sample(random, 0, 0.4)) * (1.25 - (0.5 * shopper.PriceSensitivity));
                events.Add(Event(shopper, BehaviourEventType.Purchase, at.AddSeconds(60), category, product, null, Math.Round(price, 2), null));
            }
        }
    }

    private void ShowAd(StorefrontSession session, string placement, ServingSnapshot snapshot, List<AdEvent> ads)
    {
        var shopper = session.Shopper;
        var served = adServer.Serve(snapshot, shopper.Id, placement, session.Start, random);
        if (served is null)
        {
            return;
        }

        var names = snapshot.PlacementNames;
        var shownAt = session.Start.AddSeconds(1);
        ads.Add(AdEventAttribution.Attribute(AdEventType.Impression, served.DecisionId, served.Ticket, shopper.Id, shownAt, 0, names));
        adServer.Frequency?.Record(shopper.Id, served.Ticket.CampaignId, snapshot.LocalTime(shownAt).Day);
        if (!creativeTruths.TryGetValue(served.Ticket.CreativeId, out var truth))
        {
            return;
        }

        if (random.NextDouble() >= GroundTruth.ClickProbability(shopper, truth, shownAt.Hour))
        {
            return;
        }

        var clickedAt = shownAt.AddSeconds(2 + random.Next(60));
        ads.Add(AdEventAttribution.Attribute(AdEventType.Click, served.DecisionId, served.Ticket, shopper.Id, clickedAt, 0, names));
        if (random.NextDouble() >= GroundTruth.ConversionProbability(shopper, truth))
        {
            return;
        }

        var revenue = Catalog.BasePrices[truth.CategoryIndex] * (1 - truth.Discount)
            * Math.Exp(Normal.Sample(random, 0, 0.35)) * (1.1 - (0.6 * shopper.PriceSensitivity));
        var convertedAt = clickedAt.AddMinutes(1 + random.Next(30));
        ads.Add(AdEventAttribution.Attribute(AdEventType.Conversion, served.DecisionId, served.Ticket, shopper.Id, convertedAt, Math.Round(revenue, 2), names));
    }

    private static BehaviourEvent Event(
        SimulatedShopper shopper, BehaviourEventType type, DateTime at, string? category, string? product, string? query, double? amount, double? dwell) =>
        new()
        {
            ShopperId = shopper.Id,
            Type = type,
            OccurredAt = at,
            Category = category,
            ProductId = product,
            Query = query,
            Amount = amount,
            DwellSeconds = dwell,
        };
}
