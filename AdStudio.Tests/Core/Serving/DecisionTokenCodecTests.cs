using System.Buffers.Binary;
using System.Buffers.Text;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Core.Serving;

public class DecisionTokenCodecTests
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    // A version 1 id (no key id) for _ticket and shopper-000001 under Key, written by the codec before key ids
    // existed (recomputed independently: HMAC-SHA256 over the 43-byte v1 payload and the shopper id, 12 bytes).
    private const string LegacyId = "AcCG_WoAAAAAAwAAABEAAAACAAAABQAAAAGwcQsAAAAAAAHvvq3eAAAAAPjXk1FfTIr9lXI49Q";

    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] NewKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];
    private readonly DecisionTokenCodec _codec = new(Key);
    private readonly DecisionTicket _ticket = new(1_795_000_000, 3, 17, 2, 5, BidType.Cpc, 750_000, 1, 0xDEADBEEFUL);

    [Fact]
    public void Encode_ThenDecodeForSameShopper_RoundTrips()
    {
        var id = _codec.Encode(_ticket, "shopper-000001");

        Assert.Equal(DecisionTokenCodec.EncodedLength, id.Length);
        Assert.Equal(DecisionIdStatus.Valid, _codec.Decode(id, "shopper-000001", out var decoded));
        Assert.Equal(_ticket, decoded);
        Assert.Equal(0.75, decoded.Bid, 15);
    }

    [Fact]
    public void Encode_AnyId_CarriesVersionThreeAndTheKeyIdOfTheSigningKey()
    {
        var bytes = Base64Url.DecodeFromChars(_codec.Encode(_ticket, "s"));

        Assert.Equal(3, bytes[0]);
        Assert.Equal(778_838_446u, DecisionTokenCodec.KeyIdOf(Key));
        Assert.Equal(DecisionTokenCodec.KeyIdOf(Key), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(1)));
        Assert.Equal(_codec.KeyId, DecisionTokenCodec.KeyIdOf(Key));
        Assert.NotEqual(DecisionTokenCodec.KeyIdOf(Key), DecisionTokenCodec.KeyIdOf(NewKey));
    }

    [Fact]
    public void Decode_IdSignedWithPreviousKey_IsAcceptedAfterRotation()
    {
        var issuedBeforeRotation = _codec.Encode(_ticket, "s");
        var rotated = new DecisionTokenCodec(NewKey, [Key]);

        var status = rotated.Decode(issuedBeforeRotation, "s", out var decoded);

        Assert.Equal(DecisionIdStatus.Valid, status);
        Assert.Equal(_ticket, decoded);
        Assert.Equal(DecisionTokenCodec.KeyIdOf(NewKey), rotated.KeyId);
        Assert.Equal(DecisionIdStatus.Valid, rotated.Decode(rotated.Encode(_ticket, "s"), "s", out _));
    }

    [Fact]
    public void Decode_IdSignedWithKeyNoLongerListed_IsUnknownKey()
    {
        var issuedBeforeRotation = _codec.Encode(_ticket, "s");
        var rotated = new DecisionTokenCodec(NewKey);

        Assert.Equal(DecisionIdStatus.UnknownKey, rotated.Decode(issuedBeforeRotation, "s", out _));
    }

    [Fact]
    public void Decode_KeyIdRewrittenToAnotherAcceptedKey_IsRefused()
    {
        var rotated = new DecisionTokenCodec(NewKey, [Key]);
        var bytes = Base64Url.DecodeFromChars(_codec.Encode(_ticket, "s"));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1), DecisionTokenCodec.KeyIdOf(NewKey));

        Assert.Equal(DecisionIdStatus.BadSignature, rotated.Decode(Base64Url.EncodeToString(bytes), "s", out _));
    }

    [Fact]
    public void Decode_VersionOneIdSignedWithCurrentKey_IsStillAccepted()
    {
        Assert.Equal(DecisionTokenCodec.LegacyEncodedLength, LegacyId.Length);

        Assert.Equal(DecisionIdStatus.Valid, _codec.Decode(LegacyId, "shopper-000001", out var decoded));
        Assert.Equal(_ticket, decoded);
    }

    [Fact]
    public void Decode_VersionTwoIdRecomputedIndependently_IsAcceptedAndSaysItsVersion()
    {
        var versionTwo = LegacyDecisionIds.VersionTwo(Key, _codec.Encode(_ticket, "shopper-000001"), "shopper-000001");

        Assert.Equal(DecisionIdStatus.Valid, _codec.Decode(versionTwo, "shopper-000001", out var decoded, out var version));
        Assert.Equal(_ticket, decoded);
        Assert.Equal(DecisionTokenCodec.KeyIdVersion, version);
        Assert.Equal(DecisionIdStatus.BadSignature, _codec.Decode(versionTwo, "shopper-000002", out _));
    }

    [Fact]
    public void Decode_VersionThreeRelabelledAsTwo_IsBadSignature()
    {
        var bytes = Base64Url.DecodeFromChars(_codec.Encode(_ticket, "s"));
        bytes[0] = DecisionTokenCodec.KeyIdVersion;

        Assert.Equal(DecisionIdStatus.BadSignature, _codec.Decode(Base64Url.EncodeToString(bytes), "s", out _));
    }

    [Fact]
    public void Decode_VersionOneIdAfterRotation_IsAcceptedThroughThePreviousKey() =>
        Assert.Equal(DecisionIdStatus.Valid, new DecisionTokenCodec(NewKey, [Key]).Decode(LegacyId, "shopper-000001", out _));

    [Fact]
    public void Decode_VersionOneIdForOtherShopperOrUnknownKey_IsRefused()
    {
        Assert.Equal(DecisionIdStatus.BadSignature, _codec.Decode(LegacyId, "shopper-000002", out _));
        Assert.Equal(DecisionIdStatus.BadSignature, new DecisionTokenCodec(NewKey).Decode(LegacyId, "shopper-000001", out _));
    }

    [Fact]
    public void Decode_OtherShopper_IsBadSignature() =>
        Assert.Equal(DecisionIdStatus.BadSignature, _codec.Decode(_codec.Encode(_ticket, "shopper-000001"), "shopper-000002", out _));

    [Fact]
    public void TryDecode_AlteredCharacter_IsRefused()
    {
        var id = _codec.Encode(_ticket, "s").ToCharArray();
        id[10] = id[10] == 'A' ? 'B' : 'A';

        Assert.False(_codec.TryDecode(new string(id), "s", out _));
    }

    [Fact]
    public void Decode_EveryOtherLastCharacter_IsRefused()
    {
        var id = _codec.Encode(_ticket, "s");
        var statuses = Alphabet.Where(c => c != id[^1])
            .Select(c => _codec.Decode(id[..^1] + c, "s", out _))
            .ToList();

        Assert.Equal(63, statuses.Count);
        Assert.DoesNotContain(DecisionIdStatus.Valid, statuses);
    }

    [Fact]
    public void Decode_LastCharacterWithSamePayloadBits_IsNotCanonical()
    {
        // 59 bytes fill 79 characters with 2 bits to spare: the 3 other values of those bits carry the same bytes
        // (a lenient decoder accepts them; .NET's throws, which must not become a 500 either).
        var id = _codec.Encode(_ticket, "s");
        var last = Alphabet.IndexOf(id[^1], StringComparison.Ordinal);
        Assert.Equal(0, last & 0b11);
        var aliases = Enumerable.Range(1, 3).Select(bits => id[..^1] + Alphabet[last | bits]).ToList();

        Assert.All(aliases, alias => Assert.Equal(DecisionIdStatus.NotCanonical, _codec.Decode(alias, "s", out _)));
    }

    [Fact]
    public void Decode_VersionOneLastCharacterWithSamePayloadBits_IsNotCanonical()
    {
        // 55 bytes fill 74 characters with 4 bits to spare.
        var last = Alphabet.IndexOf(LegacyId[^1], StringComparison.Ordinal);
        var aliases = Enumerable.Range(1, 15).Select(bits => LegacyId[..^1] + Alphabet[last | bits]).ToList();

        Assert.All(aliases, alias => Assert.Equal(DecisionIdStatus.NotCanonical, _codec.Decode(alias, "shopper-000001", out _)));
    }

    [Theory]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData('=')]
    [InlineData('!')]
    [InlineData(' ')]
    [InlineData('é')]
    public void Decode_RightLengthButNotBase64Url_IsNotBase64Url(char bad)
    {
        var id = _codec.Encode(_ticket, "s").ToCharArray();
        id[20] = bad;

        Assert.Equal(DecisionIdStatus.NotBase64Url, _codec.Decode(new string(id), "s", out _));
    }

    [Fact]
    public void Decode_UnknownVersionByte_IsUnknownVersion()
    {
        var bytes = Base64Url.DecodeFromChars(_codec.Encode(_ticket, "s"));
        bytes[0] = 9;

        Assert.Equal(DecisionIdStatus.UnknownVersion, _codec.Decode(Base64Url.EncodeToString(bytes), "s", out _));
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
    public void Decode_WrongLength_IsWrongLength(string? id) =>
        Assert.Equal(DecisionIdStatus.WrongLength, _codec.Decode(id, "s", out _));

    [Fact]
    public void Describe_RefusedId_NamesTheIdAndBoundsIt()
    {
        var message = DecisionIdMessages.Describe(DecisionIdStatus.NotBase64Url, "abc!");
        var longOne = DecisionIdMessages.Describe(DecisionIdStatus.WrongLength, new string('x', 5000));

        Assert.Contains("'abc!'", message, StringComparison.Ordinal);
        Assert.Contains("base64url", message, StringComparison.Ordinal);
        Assert.True(longOne.Length < 300, longOne);
        Assert.Contains("5000 characters", longOne, StringComparison.Ordinal);
    }
}
