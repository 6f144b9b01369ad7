using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AdStudio.Core.Serving;

/// <summary>
/// Seals a decision id together with the shopper id it was issued for into the opaque ticket of a tracking URL
/// (<c>/c/{ticket}</c>, <c>/i/{ticket}</c>) with AES-256-GCM, so the shopper id cannot be read from the URL and any
/// alteration is refused, and opens it again. Bare decision ids with <c>?s=</c>, the tracking URLs issued before, are
/// still opened (their decisions run out with the attribution window); ids issued since are refused that way.
/// </summary>
/// <remarks>
/// Ticket: version (4), key id (as in decision ids), a random 96-bit nonce, then the sealed decision id bytes and the
/// shopper id (UTF-8), then the 128-bit tag; the version and key id are authenticated as associated data. The AES key
/// of each decision key is derived from it with HKDF-SHA256, so rotating the decision key rotates this one. Random
/// nonces keep a key safe for about 2^32 tickets (NIST SP 800-38D); rotate the decision key long before that.
/// See docs/decisions/0008-sealed-tracking-tickets.md.
/// </remarks>
public sealed class TrackingTicketCodec
{
    /// <summary>The format version of sealed tickets, numbered after the decision id versions 1 to 3.</summary>
    public const byte Version = 4;

    /// <summary>The longest shopper id a ticket carries, in UTF-8 bytes (shopper ids are at most 128 characters).</summary>
    public const int MaxShopperBytes = 512;

    private const int HeaderLength = 1 + 4;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int Overhead = HeaderLength + NonceLength + DecisionTokenCodec.TokenLength + TagLength;

    private static readonly byte[] KeyInfo = "AdStudio tracking ticket v4 AES-256-GCM"u8.ToArray();

    private readonly DecisionTokenCodec _decisionIds;
    private readonly SealingKey[] _keys;

    /// <summary>A codec that seals with the ring's current key and opens tickets sealed with any key of the ring.</summary>
    public TrackingTicketCodec(DecisionTokenCodec decisionIds, DecisionKeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _decisionIds = decisionIds;
        _keys = [Derive(keys.Current), .. keys.Previous.Select(Derive)];
    }

    /// <summary>The shortest sealed ticket, in characters.</summary>
    public static int MinEncodedLength => DecisionTokenCodec.Base64UrlLength(Overhead + 1);

    /// <summary>The longest sealed ticket, in characters.</summary>
    public static int MaxEncodedLength => DecisionTokenCodec.Base64UrlLength(Overhead + MaxShopperBytes);

    /// <summary>The ticket for the tracking URLs of <paramref name="decisionId"/> (issued by this server) served to <paramref name="shopperId"/>.</summary>
    public string Seal(string decisionId, string shopperId)
    {
        ArgumentException.ThrowIfNullOrEmpty(shopperId);
        var shopperBytes = Encoding.UTF8.GetByteCount(shopperId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shopperBytes, MaxShopperBytes, nameof(shopperId));
        Span<byte> plain = stackalloc byte[DecisionTokenCodec.TokenLength + shopperBytes];
        if (decisionId.Length != DecisionTokenCodec.EncodedLength
            || !Base64Url.TryDecodeFromChars(decisionId, plain, out var written) || written != DecisionTokenCodec.TokenLength)
        {
            throw new ArgumentException("Not a decision id of the current format.", nameof(decisionId));
        }

        Encoding.UTF8.GetBytes(shopperId, plain[DecisionTokenCodec.TokenLength..]);
        Span<byte> ticket = stackalloc byte[Overhead + shopperBytes];
        ticket[0] = Version;
        BinaryPrimitives.WriteUInt32LittleEndian(ticket[1..], _keys[0].Id);
        var nonce = ticket.Slice(HeaderLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[0].Key, TagLength);
        aes.Encrypt(nonce, plain, ticket.Slice(HeaderLength + NonceLength, plain.Length), ticket[^TagLength..], ticket[..HeaderLength]);
        return Base64Url.EncodeToString(ticket);
    }

    /// <summary>
    /// Verifies the id in a tracking URL: a sealed ticket, or a bare decision id issued before sealed tickets together
    /// with its <paramref name="shopperParameter"/> (<c>?s=</c>). A shopper parameter next to a sealed ticket must match it.
    /// </summary>
    public DecisionIdStatus Open(string? id, string? shopperParameter, out OpenedTracking opened)
    {
        opened = default;
        if (id is not null && (id.Length == DecisionTokenCodec.EncodedLength || id.Length == DecisionTokenCodec.LegacyEncodedLength))
        {
            return OpenBare(id, shopperParameter, out opened);
        }

        return OpenSealed(id, shopperParameter, out opened);
    }

    private DecisionIdStatus OpenBare(string decisionId, string? shopperId, out OpenedTracking opened)
    {
        opened = default;
        if (string.IsNullOrEmpty(shopperId))
        {
            return DecisionIdStatus.ShopperMissing;
        }

        var status = _decisionIds.Decode(decisionId, shopperId, out var ticket, out var version);
        if (status != DecisionIdStatus.Valid)
        {
            return status;
        }

        // Ids issued since tickets are sealed never travel with ?s=: a storefront building such URLs itself would put
        // the shopper id back into URLs, logs and browser histories.
        if (version == DecisionTokenCodec.Version)
        {
            return DecisionIdStatus.SealedOnly;
        }

        opened = new OpenedTracking(ticket, decisionId, shopperId);
        return DecisionIdStatus.Valid;
    }

    private DecisionIdStatus OpenSealed(string? id, string? shopperParameter, out OpenedTracking opened)
    {
        opened = default;
        if (id is null || id.Length < MinEncodedLength || id.Length > MaxEncodedLength || id.Length % 4 == 1)
        {
            return DecisionIdStatus.WrongLength;
        }

        foreach (var c in id)
        {
            if (DecisionTokenCodec.SextetOf(c) < 0)
            {
                return DecisionIdStatus.NotBase64Url;
            }
        }

        // As with decision ids: only the one encoding this codec writes is accepted, never a twin with other padding bits.
        var length = id.Length * 6 / 8;
        var spareBits = (id.Length * 6) - (length * 8);
        if ((DecisionTokenCodec.SextetOf(id[^1]) & ((1 << spareBits) - 1)) != 0)
        {
            return DecisionIdStatus.NotCanonical;
        }

        Span<byte> buffer = stackalloc byte[Overhead + MaxShopperBytes];
        if (!Base64Url.TryDecodeFromChars(id, buffer, out var written) || written != length)
        {
            return DecisionIdStatus.NotBase64Url;
        }

        var sealedTicket = buffer[..length];
        if (sealedTicket[0] != Version)
        {
            return DecisionIdStatus.UnknownVersion;
        }

        Span<byte> plain = stackalloc byte[length - HeaderLength - NonceLength - TagLength];
        var status = Decrypt(sealedTicket, plain);
        if (status != DecisionIdStatus.Valid)
        {
            return status;
        }

        var shopperId = Encoding.UTF8.GetString(plain[DecisionTokenCodec.TokenLength..]);
        if (shopperParameter is not null && !string.Equals(shopperParameter, shopperId, StringComparison.Ordinal))
        {
            return DecisionIdStatus.BadSignature;
        }

        var decisionId = Base64Url.EncodeToString(plain[..DecisionTokenCodec.TokenLength]);
        status = _decisionIds.Decode(decisionId, shopperId, out var ticket);
        if (status != DecisionIdStatus.Valid)
        {
            return status;
        }

        opened = new OpenedTracking(ticket, decisionId, shopperId);
        return DecisionIdStatus.Valid;
    }

    private DecisionIdStatus Decrypt(ReadOnlySpan<byte> sealedTicket, Span<byte> plain)
    {
        var keyId = BinaryPrimitives.ReadUInt32LittleEndian(sealedTicket[1..]);
        var known = false;
        foreach (var key in _keys)
        {
            if (key.Id != keyId)
            {
                continue;
            }

            known = true;
            using var aes = new AesGcm(key.Key, TagLength);
            try
            {
                aes.Decrypt(
                    sealedTicket.Slice(HeaderLength, NonceLength),
                    sealedTicket[(HeaderLength + NonceLength)..^TagLength],
                    sealedTicket[^TagLength..],
                    plain,
                    sealedTicket[..HeaderLength]);
                return DecisionIdStatus.Valid;
            }
            catch (AuthenticationTagMismatchException)
            {
                // Altered, or sealed with another key that shares this key id: try the next one.
            }
        }

        return known ? DecisionIdStatus.BadSignature : DecisionIdStatus.UnknownKey;
    }

    private static SealingKey Derive(byte[] decisionKey) =>
        new(DecisionTokenCodec.KeyIdOf(decisionKey), HKDF.DeriveKey(HashAlgorithmName.SHA256, decisionKey, 32, [], KeyInfo));

    private readonly record struct SealingKey(uint Id, byte[] Key);
}
