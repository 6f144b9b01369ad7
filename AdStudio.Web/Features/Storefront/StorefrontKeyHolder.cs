using AdStudio.Core.Storefront;

namespace AdStudio.Web.Features.Storefront;

/// <summary>The current key ring, replaced whole by the refresher; readers never lock.</summary>
public sealed class StorefrontKeyHolder
{
    private StorefrontKeyRing _current = StorefrontKeyRing.Empty;

    public StorefrontKeyRing Current => Volatile.Read(ref _current);

    public void Swap(StorefrontKeyRing ring) => Volatile.Write(ref _current, ring);
}
