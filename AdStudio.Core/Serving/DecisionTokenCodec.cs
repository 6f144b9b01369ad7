using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Serving;

/// <summary>
/// Turns a <see cref="DecisionTicket"/> into an opaque, tamper-proof decision id (base64url of the
/// ticket and an HMAC-SHA256 tag over the ticket and the shopper id) and back.
/// </summary>
/// <remarks>
/// Ids are signed with the current key and carry its key id, so ids signed with a previous key stay
/// valid after a rotation. Version 1 ids (no key id) are still read, checked against every key. Version 3 has the
/// layout of version 2; its number says the id was issued with a sealed tracking ticket
/// (<see cref="TrackingTicketCodec"/>), so its tracking URLs never carry the shopper id in <c>?s=</c>.
/// See docs/decisions/0001-signed-decision-ids.md and 0008-sealed-tracking-tickets.md.
/// </remarks>
public sealed class DecisionTokenCodec
{
    /// <summary>The version of the ids this codec issues: tracking URLs carry them only inside a sealed ticket.</summary>
    public const byte Version = 3;

    /// <summary>The version of ids issued while tracking URLs still carried the shopper id in <c>?s=</c>.</summary>
    public const byte KeyIdVersion = 2;

    /// <summary>The version of ids issued before key ids.</summary>
    public const byte LegacyVersion = 1;

    /// <summary>Length of a decision id (version 2 or 3) in bytes, before base64url.</summary>
    public const int TokenLength = HeaderLength + FieldsLength + TagLength;

    private const int FieldsLength = 8 + 4 + 4 + 4 + 4 + 1 + 8 + 1 + 8;
    private const int HeaderLength = 1 + 4;
    private const int LegacyHeaderLength = 1;
    private const int TagLength = 12;
    private const int LegacyTokenLength = LegacyHeaderLength + FieldsLength + TagLength;

    private readonly SigningKey[] _keys;

    /// <summary>A codec that signs and verifies with <paramref name="key"/> and also verifies ids signed with <paramref name="previousKeys"/>.</summary>
    public DecisionTokenCodec(byte[] key, IReadOnlyList<byte[]>? previousKeys = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        _keys = [new SigningKey(KeyIdOf(key), key), .. (previousKeys ?? []).Select(k => new SigningKey(KeyIdOf(k), k))];
    }

    /// <summary>Length of an encoded decision id in characters.</summary>
    public static int EncodedLength => Base64UrlLength(TokenLength);

    /// <summary>Length of a version 1 decision id (before key ids), still accepted.</summary>
    public static int LegacyEncodedLength => Base64UrlLength(LegacyTokenLength);

    /// <summary>The id of the key new decision ids are signed with.</summary>
    public uint KeyId => _keys[0].Id;

    /// <summary>A short, public id of a key: the first four bytes of its SHA-256 (little-endian).</summary>
    public static uint KeyIdOf(ReadOnlySpan<byte> key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(key, hash);
        return BinaryPrimitives.ReadUInt32LittleEndian(hash);
    }

    public string Encode(in DecisionTicket ticket, string shopperId)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        token[0] = Version;
        BinaryPrimitives.WriteUInt32LittleEndian(token[1..], _keys[0].Id);
        WriteFields(ticket, token[HeaderLength..]);
        const int payloadLength = HeaderLength + FieldsLength;
        Sign(_keys[0].Key, token[..payloadLength], shopperId, token[payloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>False when the id is malformed, altered, signed with an unknown key, or was issued for another shopper.</summary>
    public bool TryDecode(string? decisionId, string shopperId, out DecisionTicket ticket) =>
        Decode(decisionId, shopperId, out ticket) == DecisionIdStatus.Valid;

    /// <summary>Verifies a decision id for a shopper and says what is wrong with it, if anything.</summary>
    public DecisionIdStatus Decode(string? decisionId, string shopperId, out DecisionTicket ticket) =>
        Decode(decisionId, shopperId, out ticket, out _);

    /// <summary>Verifies a decision id for a shopper, says what is wrong with it, and which format version it has.</summary>
    public DecisionIdStatus Decode(string? decisionId, string shopperId, out DecisionTicket ticket, out byte version)
    {
        ticket = default;
        version = 0;
        var tokenLength = decisionId?.Length == EncodedLength ? TokenLength
            : decisionId?.Length == LegacyEncodedLength ? LegacyTokenLength
            : 0;
        if (tokenLength == 0)
        {
            return DecisionIdStatus.WrongLength;
        }

        // Checked here rather than left to the decoder, which throws on some malformed input instead of
        // returning false.
        foreach (var c in decisionId!)
        {
            if (SextetOf(c) < 0)
            {
                return DecisionIdStatus.NotBase64Url;
            }
        }

        // Several last characters decode to the same bytes (their low bits are padding). Only the one
        // encoding this codec writes, with those bits zero, is accepted, so an altered id can never pass
        // as another id string for the same decision (which would count its click twice).
        var spareBits = (decisionId.Length * 6) - (tokenLength * 8);
        if ((SextetOf(decisionId[^1]) & ((1 << spareBits) - 1)) != 0)
        {
            return DecisionIdStatus.NotCanonical;
        }

        Span<byte> buffer = stackalloc byte[TokenLength];
        if (!Base64Url.TryDecodeFromChars(decisionId, buffer, out var written) || written != tokenLength)
        {
            return DecisionIdStatus.NotBase64Url;
        }

        var token = buffer[..tokenLength];

        var status = tokenLength == TokenLength ? VerifyCurrent(token, shopperId) : VerifyLegacy(token, shopperId);
        if (status != DecisionIdStatus.Valid)
        {
            return status;
        }

        var header = tokenLength == TokenLength ? HeaderLength : LegacyHeaderLength;
        var read = ReadFields(token.Slice(header, FieldsLength));
        if (!Enum.IsDefined(read.BidType))
        {
            return DecisionIdStatus.UnknownVersion;
        }

        ticket = read;
        version = token[0];
        return DecisionIdStatus.Valid;
    }

    private DecisionIdStatus VerifyCurrent(ReadOnlySpan<byte> token, string shopperId)
    {
        if (token[0] is not (Version or KeyIdVersion))
        {
            return DecisionIdStatus.UnknownVersion;
        }

        var keyId = BinaryPrimitives.ReadUInt32LittleEndian(token[1..]);
        var known = false;
        foreach (var key in _keys)
        {
            if (key.Id == keyId)
            {
                known = true;
                if (Verify(key.Key, token, HeaderLength + FieldsLength, shopperId))
                {
                    return DecisionIdStatus.Valid;
                }
            }
        }

        return known ? DecisionIdStatus.BadSignature : DecisionIdStatus.UnknownKey;
    }

    private DecisionIdStatus VerifyLegacy(ReadOnlySpan<byte> token, string shopperId)
    {
        if (token[0] != LegacyVersion)
        {
            return DecisionIdStatus.UnknownVersion;
        }

        foreach (var key in _keys)
        {
            if (Verify(key.Key, token, LegacyHeaderLength + FieldsLength, shopperId))
            {
                return DecisionIdStatus.Valid;
            }
        }

        return DecisionIdStatus.BadSignature;
    }

    private static bool Verify(byte[] key, ReadOnlySpan<byte> token, int payloadLength, string shopperId)
    {
        Span<byte> expected = stackalloc byte[TagLength];
        Sign(key, token[..payloadLength], shopperId, expected);
        return CryptographicOperations.FixedTimeEquals(expected, token.Slice(payloadLength, TagLength));
    }

    private static void Sign(byte[] key, ReadOnlySpan<byte> payload, string shopperId, Span<byte> tag)
    {
        var shopperBytes = Encoding.UTF8.GetByteCount(shopperId);
        var message = shopperBytes <= 512 ? stackalloc byte[payload.Length + shopperBytes] : new byte[payload.Length + shopperBytes];
        payload.CopyTo(message);
        Encoding.UTF8.GetBytes(shopperId, message[payload.Length..]);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, message, mac);
        mac[..TagLength].CopyTo(tag);
    }

    /// <summary>The number of base64url characters (without padding) that <paramref name="bytes"/> bytes encode to.</summary>
    public static int Base64UrlLength(int bytes) => ((bytes * 4) + 2) / 3;

    /// <summary>The 6-bit value of a base64url character, or -1 for any other character (padding included).</summary>
    public static int SextetOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };

    private static void WriteFields(in DecisionTicket t, Span<byte> p)
    {
        BinaryPrimitives.WriteInt64LittleEndian(p, t.IssuedAtUnixSeconds);
        BinaryPrimitives.WriteInt32LittleEndian(p[8..], t.CampaignId);
        BinaryPrimitives.WriteInt32LittleEndian(p[12..], t.CreativeId);
        BinaryPrimitives.WriteInt32LittleEndian(p[16..], t.ExperimentId);
        BinaryPrimitives.WriteInt32LittleEndian(p[20..], t.VariantId);
        p[24] = (byte)t.BidType;
        BinaryPrimitives.WriteInt64LittleEndian(p[25..], t.BidMicros);
        p[33] = t.PlacementIndex;
        BinaryPrimitives.WriteUInt64LittleEndian(p[34..], t.Nonce);
    }

    private static DecisionTicket ReadFields(ReadOnlySpan<byte> p) => new(
        BinaryPrimitives.ReadInt64LittleEndian(p),
        BinaryPrimitives.ReadInt32LittleEndian(p[8..]),
        BinaryPrimitives.ReadInt32LittleEndian(p[12..]),
        BinaryPrimitives.ReadInt32LittleEndian(p[16..]),
        BinaryPrimitives.ReadInt32LittleEndian(p[20..]),
        (BidType)p[24],
        BinaryPrimitives.ReadInt64LittleEndian(p[25..]),
        p[33],
        BinaryPrimitives.ReadUInt64LittleEndian(p[34..]));

    private readonly record struct SigningKey(uint Id, byte[] Key);
}
