using AdStudio.Core.Campaigns;
using AdStudio.Core.Serving;

namespace AdStudio.Tests.Core.Serving;

public class DecisionTokenCodecTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private readonly DecisionTokenCodec _codec = new(Key);
    private readonly DecisionTicket _ticket = new(1_795_000_000, 3, 17, 2, 5, BidType.Cpc, 750_000, 1, 0xDEADBEEFUL);

    [Fact]
    public void Encode_ThenDecodeForSameShopper_RoundTrips()
    {
        var id = _codec.Encode(_ticket, "shopper-000001");

        Assert.Equal(DecisionTokenCodec.EncodedLength, id.Length);
        Assert.True(_codec.TryDecode(id, "shopper-000001", out var decoded));
        Assert.Equal(_ticket, decoded);
        Assert.Equal(0.75, decoded.Bid, 15);
    }

    [Fact]
    public void TryDecode_OtherShopper_IsRefused() =>
        Assert.False(_codec.TryDecode(_codec.Encode(_ticket, "shopper-000001"), "shopper-000002", out _));

    [Fact]
    public void TryDecode_AlteredCharacter_IsRefused()
    {
        var id = _codec.Encode(_ticket, "s").ToCharArray();
        id[10] = id[10] == 'A' ? 'B' : 'A';

        Assert.False(_codec.TryDecode(new string(id), "s", out _));
    }

    [Fact]
    public void TryDecode_OtherKey_IsRefused()
    {
        var other = new DecisionTokenCodec([.. Key.Select(b => (byte)(b + 1))]);

        Assert.False(other.TryDecode(_codec.Encode(_ticket, "s"), "s", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-decision")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public void TryDecode_Garbage_IsRefused(string? id) =>
        Assert.False(_codec.TryDecode(id, "s", out _));
}
