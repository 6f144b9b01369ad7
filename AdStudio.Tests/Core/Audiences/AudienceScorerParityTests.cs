using System.Collections.Frozen;
using AdStudio.Core.Audiences;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using Microsoft.ML;
using static AdStudio.Tests.Core.Serving.SnapshotFactory;

namespace AdStudio.Tests.Core.Audiences;

/// <summary>
/// Batch scoring promises to choose "as /serve would": for the same shopper, campaign, placement and time it must pick the
/// same creative with the same rates as the live decision, with trained models active, in and out of experiments.
/// </summary>
public class AudienceScorerParityTests
{
    private static readonly string[] Categories = ["books", "toys"];
    private static readonly FeatureLayout Layout = new(Categories, ["leaderboard", "sidebar"]);
    private static readonly string[] Shoppers = [.. Enumerable.Range(0, 120).Select(index => $"s{index}")];

    [Fact]
    public void Score_ManyShoppersAndTimes_ChoosesTheCreativeAndRatesOfTheLiveDecision()
    {
        // Arrange
        var models = TrainedModels();
        var campaigns = new[]
        {
            Campaign(1, 0.8, [Book(11, 0.02), Toy(12, 0.03), Book(13, 0.05, width: 728, height: 90)], placements: ["sidebar"]),
            Campaign(2, 12, [Book(21, 0.01), Toy(22, 0.04)], BidType.Cpa, placements: ["sidebar"],
                experiment: new ServingExperiment(7, VariantIds: [70, 71], CreativeIds: [21, 22], Weights: [1, 3])),
            Campaign(3, 2, [Toy(31, 0.02, width: 728, height: 90), Book(32, 0.02), Toy(33, 0.01)], BidType.Ocpa, placements: ["leaderboard"]),
        };
        var snapshot = WithModels(campaigns, models);
        var scorer = new AudienceScorer(snapshot, lift: 2);
        var engine = new DecisionEngine(explorationRate: 0);
        var compared = 0;

        foreach (var at in Enumerable.Range(0, 6).Select(step => Now.AddHours(step * 5)))
        {
            foreach (var campaign in campaigns)
            {
                // Act
                var audience = scorer.Score(campaign, Shoppers, at, keep: Shoppers.Length, CancellationToken.None);
                var alone = WithModels([campaign], models);

                // Assert
                Assert.Equal(Shoppers.Length, audience.Members.Count);
                foreach (var member in audience.Members)
                {
                    var live = engine.Decide(alone, member.ShopperId, campaign.Placements[0], at, new Random(1))!;
                    Assert.Equal(live.Creative.Id, member.CreativeId);
                    Assert.Equal(live.ClickRate, member.ClickProbability, 12);
                    Assert.Equal(live.ConversionRate, member.ConversionProbability, 12);
                    Assert.Equal(live.ExpectedValue, member.ExpectedValue, 12);
                    compared++;
                }
            }
        }

        Assert.Equal(6 * 3 * Shoppers.Length, compared);
    }

    [Fact]
    public void Score_ExperimentCampaign_ShowsEachShopperTheirArmAsServeDoes()
    {
        // Arrange
        var experiment = new ServingExperiment(7, VariantIds: [70, 71], CreativeIds: [21, 22], Weights: [1, 1]);
        var campaign = Campaign(2, 1, [Book(21, 0.01), Toy(22, 0.04)], placements: ["sidebar"], experiment: experiment);
        var snapshot = WithModels([campaign], TrainedModels());

        // Act
        var audience = new AudienceScorer(snapshot, lift: 2).Score(campaign, Shoppers, Now, Shoppers.Length, CancellationToken.None);

        // Assert: both arms are shown (the best-creative rule alone would show one creative to everyone), each to its bucket.
        Assert.Equal([21, 22], audience.Members.Select(member => member.CreativeId).Distinct().Order());
        Assert.All(audience.Members, member =>
            Assert.Equal(experiment.CreativeIds[ArmOf(experiment, member.ShopperId)], member.CreativeId));
    }

    [Fact]
    public void Score_NoCreativeFitsThePlacement_ScoresNobodyAsServeShowsNothing()
    {
        // Arrange
        var campaign = Campaign(4, 1, [Book(41, 0.05, width: 728, height: 90)], placements: ["sidebar"]);
        var snapshot = WithModels([campaign], TrainedModels());

        // Act
        var audience = new AudienceScorer(snapshot, lift: 2).Score(campaign, Shoppers, Now, Shoppers.Length, CancellationToken.None);

        // Assert
        Assert.Equal(0, audience.Shoppers);
        Assert.Empty(audience.Members);
        Assert.Null(new DecisionEngine(0).Decide(snapshot, Shoppers[0], "sidebar", Now, new Random(1)));
    }

    private static int ArmOf(ServingExperiment experiment, string shopperId) =>
        AdStudio.Core.Experiments.Bucketer.Assign(experiment.Id, shopperId, experiment.Weights);

    private static ServingCreative Book(int id, double ctr, int width = 300, int height = 250) =>
        new(id, $"Books headline {id}", $"/demo/{id}.png", "https://shop.example/books", "books", width, height, ctr, Discount: id % 3 * 0.1);

    private static ServingCreative Toy(int id, double ctr, int width = 300, int height = 250) =>
        new(id, $"Toys {id}", $"/demo/{id}.png", "https://shop.example/toys", "toys", width, height, ctr, Discount: id % 2 * 0.2);

    private static ServingSnapshot WithModels(IReadOnlyList<ServingCampaign> campaigns, ServingModels models) =>
        new(Now, campaigns,
            new Dictionary<string, PlacementSize>
            {
                ["sidebar"] = new() { Width = 300, Height = 250 },
                ["leaderboard"] = new() { Width = 728, Height = 90 },
            }.ToFrozenDictionary(),
            FrozenDictionary<string, int[]>.Empty,
            models: models);

    /// <summary>Click and conversion models fitted on synthetic history where shoppers click ads of their interest.</summary>
    private static ServingModels TrainedModels()
    {
        var random = new Random(5);
        var rows = new List<ClickRow>();
        CreativeFacts[] creatives = [new(1, "books", 0.1, 30), new(2, "toys", 0.2, 12)];
        for (var index = 0; index < 4000; index++)
        {
            var books = random.NextDouble();
            var shopper = new ShopperFeatures([books, 1 - books], random.Next(1, 40), random.Next(0, 4), Now.AddDays(-random.Next(1, 30)), 0.3, -0.2, 0);
            var creative = creatives[index % 2];
            var features = new float[Layout.Width];
            var placement = random.Next(2) == 0 ? "leaderboard" : "sidebar";
            Layout.Write(features, shopper, shopper.Interests, creative, index % 2, Now.AddHours(random.Next(24)), placement, 0.02);
            var affinity = creative.Category == "books" ? books : 1 - books;
            var clicked = random.NextDouble() < 0.01 + (0.2 * affinity * affinity);
            rows.Add(new ClickRow(Now, $"t{index}", creative.Id, 0, features, clicked, clicked && random.NextDouble() < 0.2 + (0.5 * affinity)));
        }

        var trainer = new ClickModelTrainer();
        var ctr = trainer.Fit(TrainerKind.LogisticRegression, ModelKind.Ctr, rows[..3000], rows[3000..]);
        var cvr = trainer.Fit(TrainerKind.LogisticRegression, ModelKind.Cvr, rows[..3000], rows[3000..]);
        var ml = new MLContext(1);
        var shoppers = Shoppers.Select((id, index) =>
            (id, features: new ShopperFeatures([index / 120.0, 1 - (index / 120.0)], index % 30, index % 3, Now.AddDays(-(index % 20)), 0.1, 0.2, -0.1)));
        return new ServingModels(
            new ModelScorer(1, ModelKind.Ctr, ml, ctr.Model, Layout, Categories),
            new ModelScorer(2, ModelKind.Cvr, ml, cvr.Model, Layout, Categories),
            Categories,
            shoppers.ToFrozenDictionary(pair => pair.id, pair => pair.features, StringComparer.Ordinal));
    }
}
