using AdStudio.Core.Storefront;

namespace AdStudio.Tests.Core.Storefront;

public sealed class StorefrontKeyRingTests
{
    private const string StoredKey = "as_stored-key-0123456789abcdefghijklmnopqrstuvwx";
    private const string RevokedKey = "as_revoked-key-0123456789abcdefghijklmnopqrstuvw";

    private static StorefrontKey Stored(int id, string name, string key, DateTime? revokedAt = null) => new()
    {
        Id = id,
        Name = name,
        KeyHash = StorefrontKeyRing.HashHex(key),
        Prefix = key[..8],
        CreatedBy = "admin@shop.test",
        RevokedAt = revokedAt,
    };

    [Fact]
    public void Find_StoredKey_ReturnsItsIdAndName()
    {
        var ring = StorefrontKeyRing.Build([Stored(7, "web shop", StoredKey)], [], new StorefrontKeyUsages());

        var caller = ring.Find(StoredKey);

        Assert.NotNull(caller);
        Assert.Equal((7, "web shop", false), (caller.Id, caller.Name, caller.FromConfiguration));
    }

    [Fact]
    public void Find_RevokedKey_IsNotFound()
    {
        var ring = StorefrontKeyRing.Build(
            [Stored(7, "web shop", StoredKey), Stored(8, "old shop", RevokedKey, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc))],
            [],
            new StorefrontKeyUsages());

        Assert.Null(ring.Find(RevokedKey));
        Assert.Equal(1, ring.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("as_stored-key-0123456789abcdefghijklmnopqrstuvwX")]
    [InlineData("as_stored-key-0123456789abcdefghijklmnopqrstuvwx ")]
    [InlineData("AS_STORED-KEY-0123456789ABCDEFGHIJKLMNOPQRSTUVWX")]
    public void Find_OtherValue_IsNotFound(string presented)
    {
        var ring = StorefrontKeyRing.Build([Stored(7, "web shop", StoredKey)], [], new StorefrontKeyUsages());

        Assert.Null(ring.Find(presented));
    }

    [Fact]
    public void Find_OverlongValue_IsNotFoundEvenWhenConfigured()
    {
        var overlong = new string('k', StorefrontKeyRing.MaxKeyLength + 1);
        var ring = StorefrontKeyRing.Build([], [overlong], new StorefrontKeyUsages());

        Assert.Null(ring.Find(overlong));
        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void Build_ConfigKeys_AreNamedByPositionWithNegativeIds()
    {
        var ring = StorefrontKeyRing.Build([Stored(1, "web shop", StoredKey)], ["first-config-key-value", "second-config-key-é"], new StorefrontKeyUsages());

        var first = ring.Find("first-config-key-value");
        var second = ring.Find("second-config-key-é");

        Assert.Equal((-1, "config key 1", true), (first!.Id, first.Name, first.FromConfiguration));
        Assert.Equal((-2, "config key 2", true), (second!.Id, second.Name, second.FromConfiguration));
        Assert.Equal(3, ring.Count);
    }

    [Fact]
    public void Build_StoredHashNotHex_LeavesRowOut()
    {
        var broken = Stored(9, "broken", StoredKey);
        broken.KeyHash = new string('z', 64);

        var ring = StorefrontKeyRing.Build([broken], [], new StorefrontKeyUsages());

        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void HashHex_Key_IsLowerCaseSha256OfUtf8()
    {
        // SHA-256("abc"), the FIPS 180-2 test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", StorefrontKeyRing.HashHex("abc"));
    }

    [Fact]
    public void Build_Rebuilt_KeepsUsageCountersOfTheSameKey()
    {
        var usages = new StorefrontKeyUsages();
        var first = StorefrontKeyRing.Build([Stored(7, "web shop", StoredKey)], [], usages);
        first.Find(StoredKey)!.Usage.Record(new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc));

        var second = StorefrontKeyRing.Build([Stored(7, "web shop", StoredKey)], [], usages);
        second.Find(StoredKey)!.Usage.Record(new DateTime(2026, 11, 30, 12, 0, 5, DateTimeKind.Utc));

        Assert.Equal((2L, new DateTime(2026, 11, 30, 12, 0, 5, DateTimeKind.Utc)), usages.For(7).Take());
        Assert.Equal(0L, usages.For(7).Take().Requests);
    }

    [Fact]
    public void Find_ValidKey_AllocatesNothing()
    {
        var ring = StorefrontKeyRing.Build([Stored(7, "web shop", StoredKey)], [], new StorefrontKeyUsages());
        ring.Find(StoredKey);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            ring.Find(StoredKey);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
