using AdStudio.Core.Storefront;

namespace AdStudio.Web.Features.Storefront;

/// <summary>The current key ring, replaced whole by the refresher; readers never lock.</summary>
public sealed class StorefrontKeyHolder
{
    private StorefrontKeyRing _current = StorefrontKeyRing.Empty;

    public StorefrontKeyRing Current => Volatile.Read(ref _current);

    public void Swap(StorefrontKeyRing ring) => Volatile.Write(ref _current, ring);

    /// <summary>
    /// The key a storefront request carries, looked up again where it is needed (the audit actor, the per-key
    /// rate limit) rather than stored on the request: setting a request feature invalidates every cached feature
    /// of the request, which cost /serve more than the key check itself.
    /// </summary>
    public StorefrontCaller? CallerOf(HttpRequest request) =>
        request.Headers[StorefrontKeyMiddleware.HeaderName] is { Count: 1 } presented && !string.IsNullOrEmpty(presented[0])
            ? Current.Find(presented[0])
            : null;
}
