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
public sealed class DecisionTokenCodec(byte[] key)
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 8 + 4 + 4 + 4 + 4 + 1 + 8 + 1 + 8;
    private const int TagLength = 12;
    private const int TokenLength = PayloadLength + TagLength;

    /// <summary>Length of an encoded decision id in characters.</summary>
    public static int EncodedLength => ((TokenLength + 2) / 3 * 4) - ((3 - (TokenLength % 3)) % 3);

    public string Encode(in DecisionTicket ticket, string shopperId)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        WritePayload(ticket, token[..PayloadLength]);
        Sign(token[..PayloadLength], shopperId, token[PayloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>False when the id is malformed, altered, or was issued for another shopper.</summary>
    public bool TryDecode(string? decisionId, string shopperId, out DecisionTicket ticket)
    {
        ticket = default;
        if (decisionId is null || decisionId.Length != EncodedLength)
        {
            return false;
        }

        Span<byte> token = stackalloc byte[TokenLength];
        if (!Base64Url.TryDecodeFromChars(decisionId, token, out var written) || written != TokenLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[TagLength];
        Sign(token[..PayloadLength], shopperId, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, token[PayloadLength..]) || token[0] != Version)
        {
            return false;
        }

        ticket = ReadPayload(token[..PayloadLength]);
        return Enum.IsDefined(ticket.BidType);
    }

    private void Sign(ReadOnlySpan<byte> payload, string shopperId, Span<byte> tag)
    {
        var shopperBytes = Encoding.UTF8.GetByteCount(shopperId);
        var message = shopperBytes <= 512 ? stackalloc byte[payload.Length + shopperBytes] : new byte[payload.Length + shopperBytes];
        payload.CopyTo(message);
        Encoding.UTF8.GetBytes(shopperId, message[payload.Length..]);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, message, mac);
        mac[..TagLength].CopyTo(tag);
    }

    private static void WritePayload(in DecisionTicket t, Span<byte> p)
    {
        p[0] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(p[1..], t.IssuedAtUnixSeconds);
        BinaryPrimitives.WriteInt32LittleEndian(p[9..], t.CampaignId);
        BinaryPrimitives.WriteInt32LittleEndian(p[13..], t.CreativeId);
        BinaryPrimitives.WriteInt32LittleEndian(p[17..], t.ExperimentId);
        BinaryPrimitives.WriteInt32LittleEndian(p[21..], t.VariantId);
        p[25] = (byte)t.BidType;
        BinaryPrimitives.WriteInt64LittleEndian(p[26..], t.BidMicros);
        p[34] = t.PlacementIndex;
        BinaryPrimitives.WriteUInt64LittleEndian(p[35..], t.Nonce);
    }

    private static DecisionTicket ReadPayload(ReadOnlySpan<byte> p) => new(
        BinaryPrimitives.ReadInt64LittleEndian(p[1..]),
        BinaryPrimitives.ReadInt32LittleEndian(p[9..]),
        BinaryPrimitives.ReadInt32LittleEndian(p[13..]),
        BinaryPrimitives.ReadInt32LittleEndian(p[17..]),
        BinaryPrimitives.ReadInt32LittleEndian(p[21..]),
        (BidType)p[25],
        BinaryPrimitives.ReadInt64LittleEndian(p[26..]),
        p[34],
        BinaryPrimitives.ReadUInt64LittleEndian(p[35..]));
}
