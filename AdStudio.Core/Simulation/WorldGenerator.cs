using MathNet.Numerics.Distributions;

namespace AdStudio.Core.Simulation;

/// <summary>Draws a world of shoppers from the personas; the same seed and size give the same world.</summary>
public static class WorldGenerator
{
    public static SimulatedWorld Generate(int seed, int shopperCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shopperCount);
        var random = new Random(seed);
        var shares = Personas.All.Select(p => p.Share).ToArray();
        var shoppers = new SimulatedShopper[shopperCount];
        for (var i = 0; i < shopperCount; i++)
        {
            var personaIndex = Categorical.Sample(random, shares);
            shoppers[i] = Draw($"shopper-{i + 1:D6}", personaIndex, Personas.All[personaIndex], random);
        }

        return new SimulatedWorld(seed, shoppers);
    }

    private static SimulatedShopper Draw(string id, int personaIndex, Persona persona, Random random)
    {
        var interests = new Dirichlet(persona.InterestAlpha, random).Sample();
        const double concentration = 10;
        var priceSensitivity = new Beta(
            persona.PriceSensitivity * concentration, (1 - persona.PriceSensitivity) * concentration, random).Sample();
        var peakHour = ((Normal.Sample(random, persona.PeakHour, 2.0) % 24) + 24) % 24;
        const double shape = 2;
        var sessionsPerDay = Gamma.Sample(random, shape, shape / persona.SessionsPerDay);
        var consent = random.NextDouble() < 0.9;
        var ageBand = persona.AgeBands[random.Next(persona.AgeBands.Length)];
        var genderDraw = random.NextDouble();
        var gender = genderDraw < persona.FemaleShare ? "female" : genderDraw < 0.97 ? "male" : "other";
        var region = Personas.Regions[random.Next(Personas.Regions.Count)];
        return new SimulatedShopper(id, personaIndex, interests, priceSensitivity, peakHour, sessionsPerDay, consent, ageBand, gender, region);
    }
}
