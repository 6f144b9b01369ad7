using System.Diagnostics;
using AdStudio.Core.Storefront;

namespace AdStudio.Bench;

/// <summary>In-process cost of the storefront key lookup (SHA-256 of the presented key, then the ring): time and bytes allocated per call.</summary>
internal static class KeyCheckCost
{
    public static (double Ns, double BytesPerCall) Measure(string key, int iterations)
    {
        var ring = StorefrontKeyRing.Build([], [key, "another-configured-key-0123456789"], new StorefrontKeyUsages());
        for (var i = 0; i < iterations / 10; i++)
        {
            ring.Find(key);
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            if (ring.Find(key) is null)
            {
                throw new InvalidOperationException("The key was not found.");
            }
        }

        var ns = Stopwatch.GetElapsedTime(started).TotalNanoseconds / iterations;
        return (ns, (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)iterations);
    }
}
