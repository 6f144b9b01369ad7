using AdStudio.Core.Experiments;

namespace AdStudio.Tests.Core.Experiments;

public class BucketerTests
{
    [Fact]
    public void Point_IsStableAcrossCalls_AndInUnitInterval()
    {
        var point = Bucketer.Point(1, "shopper-000001");

        Assert.Equal(point, Bucketer.Point(1, "shopper-000001"));
        Assert.InRange(point, 0, 1);
        Assert.NotEqual(point, Bucketer.Point(2, "shopper-000001"));
    }

    [Fact]
    public void Point_IsTheDocumentedSha256Prefix()
    {
        // The first 53 bits of SHA-256("1:shopper-000001"), scaled to [0, 1): pinned so assignments never move between releases.
        var hash = System.Security.Cryptography.SHA256.HashData("1:shopper-000001"u8);
        var expected = (System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / 9007199254740992.0;

        Assert.Equal(expected, Bucketer.Point(1, "shopper-000001"));
    }

    [Fact]
    public void Assign_SplitsShoppersByWeight()
    {
        double[] weights = [2, 1, 1];
        var counts = new int[3];
        for (var i = 0; i < 20_000; i++)
        {
            counts[Bucketer.Assign(4, $"shopper-{i}", weights)]++;
        }

        // Expected shares 0.5 / 0.25 / 0.25; sd of a share over 20,000 units ≤ 0.0036, allow four of them.
        Assert.InRange(counts[0] / 20_000.0, 0.4856, 0.5144);
        Assert.InRange(counts[1] / 20_000.0, 0.2356, 0.2644);
        Assert.InRange(counts[2] / 20_000.0, 0.2356, 0.2644);
    }

    [Fact]
    public void Assign_ZeroWeightArm_GetsNobody()
    {
        double[] weights = [1, 0];

        Assert.All(Enumerable.Range(0, 1000), i => Assert.Equal(0, Bucketer.Assign(4, $"s{i}", weights)));
    }

    [Fact]
    public void Assign_NoVariants_Throws() =>
        Assert.Throws<ArgumentException>(() => Bucketer.Assign(1, "s", []));
}
