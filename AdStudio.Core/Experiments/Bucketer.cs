using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AdStudio.Core.Experiments;

/// <summary>
/// Deterministic, sticky assignment: a SHA-256 of "experimentId:shopperId" gives a point in [0, 1) that
/// falls into one variant's share of the cumulative weights. Stable across processes and machines
/// (unlike <c>string.GetHashCode</c>).
/// </summary>
public static class Bucketer
{
    /// <summary>Point in [0, 1) for the shopper in the experiment.</summary>
    public static double Point(int experimentId, string shopperId)
    {
        var key = $"{experimentId}:{shopperId}";
        var length = Encoding.UTF8.GetByteCount(key);
        Span<byte> bytes = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(key, bytes);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        // 53 random bits make an exactly representable double in [0, 1).
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Index of the arm whose share of <paramref name="weights"/> contains the shopper's point.</summary>
    public static int Assign(int experimentId, string shopperId, ReadOnlySpan<double> weights)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("An experiment needs at least one variant.", nameof(weights));
        }

        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = Point(experimentId, shopperId) * total;
        var cumulative = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            if (target < cumulative)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
