using AdStudio.Core.Serving;

namespace AdStudio.Tests.Core.Serving;

public class NonceSourceTests
{
    [Fact]
    public void Seeded_SameSeed_DrawsTheSameNonces()
    {
        var first = NonceSource.Seeded(new Random(42));
        var second = NonceSource.Seeded(new Random(42));

        var drawn = Enumerable.Range(0, 50).Select(_ => first.NextNonce()).ToList();

        Assert.Equal(drawn, Enumerable.Range(0, 50).Select(_ => second.NextNonce()));
    }

    [Fact]
    public void Cryptographic_ManyDraws_NeverRepeat()
    {
        var nonces = Enumerable.Range(0, 10_000).Select(_ => NonceSource.Cryptographic.NextNonce()).ToList();

        Assert.Equal(nonces.Count, nonces.Distinct().Count());
    }

    [Fact]
    public void Serve_SeededRandomPassedForExploration_KeepsCryptographicNonces()
    {
        // The exploration Random no longer switches the nonce source: two servers given the same seed still differ.
        var snapshot = SnapshotFactory.Snapshot([SnapshotFactory.Campaign(1, 1, [SnapshotFactory.Creative(11, 0.02)])]);
        var server = new AdServer(new DecisionEngine(0), new DecisionTokenCodec(new byte[32]));

        var first = server.Serve(snapshot, "s", "sidebar", SnapshotFactory.Now, new Random(7))!;
        var second = server.Serve(snapshot, "s", "sidebar", SnapshotFactory.Now, new Random(7))!;

        Assert.NotEqual(first.Ticket.Nonce, second.Ticket.Nonce);
    }
}
