using AdStudio.Core.Simulation;

namespace AdStudio.Tests.Core.Simulation;

public class WorldGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_GivesIdenticalWorld()
    {
        var first = WorldGenerator.Generate(seed: 7, shopperCount: 500);
        var second = WorldGenerator.Generate(seed: 7, shopperCount: 500);

        for (var i = 0; i < first.Shoppers.Count; i++)
        {
            var a = first.Shoppers[i];
            var b = second.Shoppers[i];
            Assert.Equal(a.Interests, b.Interests);
            Assert.Equal(a with { Interests = b.Interests }, b);
        }
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherWorld()
    {
        var first = WorldGenerator.Generate(seed: 7, shopperCount: 100);
        var second = WorldGenerator.Generate(seed: 8, shopperCount: 100);

        Assert.NotEqual(first.Shoppers[0].Interests, second.Shoppers[0].Interests);
    }

    [Fact]
    public void Generate_LargeWorld_FollowsPersonaSharesAndTraits()
    {
        const int n = 20_000;
        var world = WorldGenerator.Generate(seed: 42, shopperCount: n);

        for (var p = 0; p < Personas.All.Count; p++)
        {
            var persona = Personas.All[p];
            var members = world.Shoppers.Where(s => s.PersonaIndex == p).ToList();
            // Binomial standard error of a share is at most 0.5/√n ≈ 0.0035; allow four of them.
            Assert.InRange((double)members.Count / n, persona.Share - 0.014, persona.Share + 0.014);
            // Mean price sensitivity: Beta with concentration 10 has sd ≤ 0.16, so the mean of ≥ 1,500 is within 0.02.
            Assert.InRange(members.Average(s => s.PriceSensitivity), persona.PriceSensitivity - 0.02, persona.PriceSensitivity + 0.02);
            // The persona's favourite category is, on average, the shopper's strongest interest.
            var favourite = Array.IndexOf(persona.InterestAlpha, persona.InterestAlpha.Max());
            var meanInterests = Enumerable.Range(0, Catalog.Categories.Count).Select(c => members.Average(s => s.Interests[c])).ToArray();
            Assert.Equal(favourite, Array.IndexOf(meanInterests, meanInterests.Max()));
        }

        Assert.All(world.Shoppers, s => Assert.Equal(1.0, s.Interests.Sum(), 9));
        Assert.All(world.Shoppers, s => Assert.InRange(s.PeakHour, 0, 24));
        // Consent is drawn with probability 0.9: sd of the share is 0.0021.
        Assert.InRange(world.Shoppers.Count(s => s.HasTrackingConsent) / (double)n, 0.89, 0.91);
    }
}
