namespace AdStudio.Web.Features.Storefront;

/// <summary>Endpoint metadata: the request must carry a valid <c>X-AdStudio-Key</c> (checked by <see cref="StorefrontKeyMiddleware"/>).</summary>
public sealed class RequiresStorefrontKey
{
    public static RequiresStorefrontKey Instance { get; } = new();

    private RequiresStorefrontKey()
    {
    }
}
