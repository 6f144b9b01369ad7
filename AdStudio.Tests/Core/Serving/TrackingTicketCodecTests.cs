using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Core.Serving;

public class TrackingTicketCodecTests
{
    private const string Shopper = "shopper-000042";

    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] NewKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];
    private readonly DecisionTicket _ticket = new(1_795_000_000, 3, 17, 2, 5, BidType.Cpc, 750_000, 1, 0xDEADBEEFUL);

    [Fact]
    public void Seal_ThenOpen_GivesTheDecisionAndTheShopper()
    {
        var (codec, tickets) = Codecs(Key);
        var decisionId = codec.Encode(_ticket, Shopper);

        var status = tickets.Open(tickets.Seal(decisionId, Shopper), null, out var opened);

        Assert.Equal(DecisionIdStatus.Valid, status);
        Assert.Equal(new OpenedTracking(_ticket, decisionId, Shopper), opened);
    }

    [Fact]
    public void Seal_AnyShopper_TicketHoldsNoReadableShopperId()
    {
        var (codec, tickets) = Codecs(Key);
        var ticket = tickets.Seal(codec.Encode(_ticket, Shopper), Shopper);

        var bytes = Base64Url.DecodeFromChars(ticket);

        Assert.DoesNotContain(Shopper, ticket, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Shopper))[..12], ticket, StringComparison.Ordinal);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("shopper")));
        Assert.Equal(TrackingTicketCodec.Version, bytes[0]);
        Assert.Equal(DecisionTokenCodec.KeyIdOf(Key), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(1)));
    }

    [Fact]
    public void Seal_SameDecisionTwice_GivesDifferentTickets()
    {
        var (codec, tickets) = Codecs(Key);
        var decisionId = codec.Encode(_ticket, Shopper);

        Assert.NotEqual(tickets.Seal(decisionId, Shopper), tickets.Seal(decisionId, Shopper));
    }

    [Fact]
    public void Open_EveryByteAltered_IsRefused()
    {
        var (codec, tickets) = Codecs(Key);
        var bytes = Base64Url.DecodeFromChars(tickets.Seal(codec.Encode(_ticket, Shopper), Shopper));

        var statuses = Enumerable.Range(0, bytes.Length).Select(i =>
        {
            var altered = bytes.ToArray();
            altered[i] ^= 0x01;
            return tickets.Open(Base64Url.EncodeToString(altered), null, out _);
        }).ToList();

        Assert.Equal(DecisionIdStatus.UnknownVersion, statuses[0]);
        Assert.All(statuses.Skip(1).Take(4), s => Assert.Equal(DecisionIdStatus.UnknownKey, s));
        Assert.All(statuses.Skip(5), s => Assert.Equal(DecisionIdStatus.BadSignature, s));
    }

    [Fact]
    public void Open_EveryOtherLastCharacter_IsRefused()
    {
        var (codec, tickets) = Codecs(Key);
        var ticket = tickets.Seal(codec.Encode(_ticket, Shopper), Shopper);

        var statuses = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".Where(c => c != ticket[^1])
            .Select(c => tickets.Open(ticket[..^1] + c, null, out _)).ToList();

        Assert.Equal(63, statuses.Count);
        Assert.DoesNotContain(DecisionIdStatus.Valid, statuses);
    }

    [Fact]
    public void Open_SealedWithKeyNoLongerInTheRing_IsUnknownKey()
    {
        var (codec, tickets) = Codecs(Key);
        var ticket = tickets.Seal(codec.Encode(_ticket, Shopper), Shopper);

        Assert.Equal(DecisionIdStatus.UnknownKey, Codecs(NewKey).Tickets.Open(ticket, null, out _));
    }

    [Fact]
    public void Open_SealedWithPreviousKey_IsValidAfterRotation()
    {
        var (codec, tickets) = Codecs(Key);
        var ticket = tickets.Seal(codec.Encode(_ticket, Shopper), Shopper);

        Assert.Equal(DecisionIdStatus.Valid, Codecs(NewKey, Key).Tickets.Open(ticket, null, out var opened));
        Assert.Equal(Shopper, opened.ShopperId);
    }

    [Fact]
    public void Open_KeyIdRewrittenToAnotherAcceptedKey_IsBadSignature()
    {
        var (codec, tickets) = Codecs(Key);
        var bytes = Base64Url.DecodeFromChars(tickets.Seal(codec.Encode(_ticket, Shopper), Shopper));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1), DecisionTokenCodec.KeyIdOf(NewKey));

        Assert.Equal(DecisionIdStatus.BadSignature, Codecs(NewKey, Key).Tickets.Open(Base64Url.EncodeToString(bytes), null, out _));
    }

    [Fact]
    public void Open_SealedWithShopperParameterOfAnotherShopper_IsBadSignature()
    {
        var (codec, tickets) = Codecs(Key);
        var ticket = tickets.Seal(codec.Encode(_ticket, Shopper), Shopper);

        Assert.Equal(DecisionIdStatus.BadSignature, tickets.Open(ticket, "shopper-000043", out _));
        Assert.Equal(DecisionIdStatus.Valid, tickets.Open(ticket, Shopper, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    public void Open_NeitherTicketNorDecisionIdLength_IsWrongLength(string id)
    {
        var tickets = Codecs(Key).Tickets;

        Assert.Equal(DecisionIdStatus.WrongLength, tickets.Open(id, null, out _));
        Assert.Equal(DecisionIdStatus.WrongLength, tickets.Open(new string('A', TrackingTicketCodec.MaxEncodedLength + 4), null, out _));
    }

    [Fact]
    public void Open_BareVersionTwoIdWithItsShopperParameter_IsStillValid()
    {
        var (codec, tickets) = Codecs(Key);
        var versionTwo = LegacyDecisionIds.VersionTwo(Key, codec.Encode(_ticket, Shopper), Shopper);

        Assert.Equal(DecisionIdStatus.Valid, tickets.Open(versionTwo, Shopper, out var opened));
        Assert.Equal(new OpenedTracking(_ticket, versionTwo, Shopper), opened);
        Assert.Equal(DecisionIdStatus.BadSignature, tickets.Open(versionTwo, "shopper-000043", out _));
        Assert.Equal(DecisionIdStatus.ShopperMissing, tickets.Open(versionTwo, null, out _));
    }

    [Fact]
    public void Open_BareCurrentIdWithShopperParameter_IsSealedOnly()
    {
        var (codec, tickets) = Codecs(Key);

        Assert.Equal(DecisionIdStatus.SealedOnly, tickets.Open(codec.Encode(_ticket, Shopper), Shopper, out _));
    }

    [Fact]
    public void Seal_ShopperLongerThanTheLimit_Throws()
    {
        var (codec, tickets) = Codecs(Key);
        var decisionId = codec.Encode(_ticket, "s");

        Assert.Throws<ArgumentOutOfRangeException>(() => tickets.Seal(decisionId, new string('é', TrackingTicketCodec.MaxShopperBytes)));
    }

    private static (DecisionTokenCodec Codec, TrackingTicketCodec Tickets) Codecs(byte[] current, params byte[][] previous)
    {
        var codec = new DecisionTokenCodec(current, previous);
        return (codec, new TrackingTicketCodec(codec, new DecisionKeyRing(current, previous)));
    }
}
