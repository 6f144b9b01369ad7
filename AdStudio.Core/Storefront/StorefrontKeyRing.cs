using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace AdStudio.Core.Storefront;

/// <summary>
/// The keys that may call <c>/serve</c> and <c>/events</c>, by SHA-256 of the key. Immutable: a change builds a new
/// ring that replaces the old one whole, so a lookup needs no lock and no database.
/// </summary>
/// <remarks>
/// A lookup hashes the presented key into stack memory and finds the 32-byte hash as four longs: nothing is
/// allocated. Looking up a hash rather than comparing keys also leaks nothing through timing: an attacker cannot
/// steer the hash of what they send toward a stored one.
/// </remarks>
public sealed class StorefrontKeyRing
{
    /// <summary>Longer values are refused without hashing; generated keys have 46 characters.</summary>
    public const int MaxKeyLength = 256;

    private readonly FrozenDictionary<KeyHash, StorefrontCaller> _byHash;

    private StorefrontKeyRing(FrozenDictionary<KeyHash, StorefrontCaller> byHash) => _byHash = byHash;

    public static StorefrontKeyRing Empty { get; } = new(FrozenDictionary<KeyHash, StorefrontCaller>.Empty);

    public int Count => _byHash.Count;

    /// <summary>The keys a lookup can find.</summary>
    public IEnumerable<StorefrontCaller> Callers => _byHash.Values;

    /// <summary>
    /// A ring of the active database keys and the keys from configuration (named <c>config key 1</c>, <c>config key 2</c>, …
    /// with ids -1, -2, …). Revoked keys and rows whose hash is not 64 hex digits are left out.
    /// </summary>
    public static StorefrontKeyRing Build(IEnumerable<StorefrontKey> stored, IReadOnlyList<string> configured, StorefrontKeyUsages usages)
    {
        var byHash = new Dictionary<KeyHash, StorefrontCaller>();
        foreach (var key in stored)
        {
            if (key.RevokedAt is null && TryParseHex(key.KeyHash, out var hash))
            {
                byHash.TryAdd(hash, new StorefrontCaller(key.Id, key.Name, usages.For(key.Id)));
            }
        }

        for (var i = 0; i < configured.Count; i++)
        {
            if (!string.IsNullOrEmpty(configured[i]) && configured[i].Length <= MaxKeyLength)
            {
                var id = -(i + 1);
                byHash.TryAdd(KeyHash.Of(configured[i]), new StorefrontCaller(id, ConfigKeyName(i), usages.For(id)));
            }
        }

        return new StorefrontKeyRing(byHash.ToFrozenDictionary());
    }

    /// <summary>The name the audit trail gives the <paramref name="index"/>-th (from 0) key of configuration.</summary>
    public static string ConfigKeyName(int index) => $"config key {index + 1}";

    /// <summary>The caller a presented key belongs to, or null when it is empty, too long, unknown or revoked.</summary>
    public StorefrontCaller? Find(ReadOnlySpan<char> key) =>
        key.IsEmpty || key.Length > MaxKeyLength ? null : _byHash.GetValueOrDefault(KeyHash.Of(key));

    /// <summary>Lower-case hex SHA-256 of a key's UTF-8 bytes: what the database stores.</summary>
    public static string HashHex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static bool TryParseHex(string hex, out KeyHash hash)
    {
        Span<byte> bytes = stackalloc byte[SHA256.HashSizeInBytes];
        if (hex.Length == 2 * SHA256.HashSizeInBytes && Convert.FromHexString(hex, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == bytes.Length)
        {
            hash = KeyHash.From(bytes);
            return true;
        }

        hash = default;
        return false;
    }

    /// <summary>A SHA-256 as four longs: equality without allocation; the hash code is part of a uniform hash already.</summary>
    private readonly record struct KeyHash(ulong A, ulong B, ulong C, ulong D)
    {
        public static KeyHash Of(ReadOnlySpan<char> key)
        {
            Span<byte> utf8 = stackalloc byte[MaxKeyLength * 3];
            var length = Encoding.UTF8.GetBytes(key, utf8);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..length], hash);
            return From(hash);
        }

        public static KeyHash From(ReadOnlySpan<byte> hash)
        {
            var longs = MemoryMarshal.Cast<byte, ulong>(hash);
            return new KeyHash(longs[0], longs[1], longs[2], longs[3]);
        }

        public bool Equals(KeyHash other) => A == other.A && B == other.B && C == other.C && D == other.D;

        public override int GetHashCode() => (int)A;
    }
}
