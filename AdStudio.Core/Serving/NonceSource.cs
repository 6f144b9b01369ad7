using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AdStudio.Core.Serving;

/// <summary>
/// Where a decision id's nonce comes from. Live traffic draws it from the operating system's cryptographic generator;
/// a seeded simulation passes its own <see cref="Random"/> so that the same seed writes the same decision ids.
/// </summary>
public abstract class NonceSource
{
    /// <summary>Cryptographic nonces: what <c>/serve</c> uses.</summary>
    public static NonceSource Cryptographic { get; } = new CryptographicNonces();

    /// <summary>Nonces drawn from <paramref name="random"/>, repeatable for a seeded simulation (not for live traffic).</summary>
    public static NonceSource Seeded(Random random) => new SeededNonces(random);

    public abstract ulong NextNonce();

    private sealed class CryptographicNonces : NonceSource
    {
        public override ulong NextNonce()
        {
            Span<byte> bytes = stackalloc byte[sizeof(ulong)];
            RandomNumberGenerator.Fill(bytes);
            return BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        }
    }

    private sealed class SeededNonces(Random random) : NonceSource
    {
        // The same two draws as before the nonce source was explicit, so a seeded demo keeps its decision ids.
        public override ulong NextNonce() => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
    }
}
