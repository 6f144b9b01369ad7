using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Modeling.Training;
using Microsoft.ML;

namespace AdStudio.Tests.Core.Modeling;

public class ModelScorerTests
{
    private static readonly FeatureLayout Layout = new(["books", "toys"], ["mobile", "sidebar"]);
    private static readonly CreativeFacts Books = new(1, "books", 0.1, 30);
    private static readonly DateTime At = new(2026, 11, 20, 18, 0, 0, DateTimeKind.Utc);

    /// <summary>Synthetic history where book lovers click book ads: enough signal for a model to learn.</summary>
    private static (ITransformer Model, List<ClickRow> Rows) Fit()
    {
        var random = new Random(3);
        var rows = new List<ClickRow>();
        for (var i = 0; i < 4000; i++)
        {
            var books = random.NextDouble();
            var shopper = new ShopperFeatures([books, 1 - books], random.Next(1, 40), random.Next(0, 4), At.AddDays(-random.Next(1, 30)), 0.3, -0.2, 0);
            var features = new float[Layout.Width];
            Layout.Write(features, shopper, shopper.Interests, Books, 0, At.AddHours(random.Next(24)), random.Next(2) == 0 ? "mobile" : "sidebar", 0.02);
            rows.Add(new ClickRow(At, $"s{i}", 1, 0, features, random.NextDouble() < 0.01 + (0.2 * books * books)));
        }

        var trained = new ClickModelTrainer().Fit(TrainerKind.LogisticRegression, ModelKind.Ctr, rows[..3000], rows[3000..]);
        return (trained.Model, rows);
    }

    [Fact]
    public void Predict_FromManyThreads_MatchesBatchScoringOfTheSameVectors()
    {
        var (model, _) = Fit();
        var ml = new MLContext(1);
        var scorer = new ModelScorer(7, ModelKind.Ctr, ml, model, Layout, Layout.Categories);
        var shoppers = Enumerable.Range(0, 200).Select(i => new ShopperFeatures([i / 200.0, 1 - (i / 200.0)], i % 30, i % 3, At.AddDays(-(i % 20)), 0.1, 0.2, -0.1)).ToArray();
        var vectors = shoppers.Select(s =>
        {
            var f = new float[Layout.Width];
            Layout.Write(f, s, s.Interests, Books, 0, At, "sidebar", 0.02);
            return f;
        }).ToList();
        var expected = ClickModelTrainer.Predict(ml, model, ClickModelTrainer.Schema(Layout.Width), vectors);

        var actual = new double[shoppers.Length];
        Parallel.For(0, shoppers.Length * 20, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
            actual[k % shoppers.Length] = scorer.Predict(shoppers[k % shoppers.Length], Books, At, "sidebar", 0.02));

        for (var i = 0; i < shoppers.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 6);
        }

        // The model learned the signal: the keenest book lover is likelier to click a book ad than the least keen.
        Assert.True(actual[^1] > actual[0] * 2, $"{actual[^1]} vs {actual[0]}");
    }

    [Fact]
    public void Predict_ShopperInterestsInAnotherCategoryOrder_AreRemappedToTheModelsLayout()
    {
        var (model, _) = Fit();
        var ml = new MLContext(1);
        var sameOrder = new ModelScorer(7, ModelKind.Ctr, ml, model, Layout, ["books", "toys"]);
        var otherOrder = new ModelScorer(7, ModelKind.Ctr, ml, model, Layout, ["toys", "garden", "books"]);
        var shopper = new ShopperFeatures([0.8, 0.2], 12, 1, At.AddDays(-2), 0.1, 0.1, 0);
        var reordered = shopper with { Interests = [0.2, 0, 0.8] };

        Assert.Equal(sameOrder.Predict(shopper, Books, At, "mobile", 0.02), otherOrder.Predict(reordered, Books, At, "mobile", 0.02), 9);
    }
}
