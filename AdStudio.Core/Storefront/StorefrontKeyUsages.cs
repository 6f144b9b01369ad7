using System.Collections.Concurrent;

namespace AdStudio.Core.Storefront;

/// <summary>
/// The usage counters of every key by id. They outlive key-ring rebuilds (a rebuilt ring reuses the same counter
/// objects) and revocations (what a revoked key did before it went is still flushed).
/// </summary>
public sealed class StorefrontKeyUsages
{
    private readonly ConcurrentDictionary<int, StorefrontKeyUsage> _byKey = new();

    /// <summary>The counters of key <paramref name="keyId"/>; called when a ring is built, never per request.</summary>
    public StorefrontKeyUsage For(int keyId) => _byKey.GetOrAdd(keyId, static _ => new StorefrontKeyUsage());

    /// <summary>Every key with counters, for the flusher.</summary>
    public IEnumerable<KeyValuePair<int, StorefrontKeyUsage>> All => _byKey;
}
