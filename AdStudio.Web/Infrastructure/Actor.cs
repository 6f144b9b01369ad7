using System.Security.Claims;
using AdStudio.Web.Features.Storefront;

namespace AdStudio.Web.Infrastructure;

/// <summary>
/// Who is making a change, for the audit trail: the signed-in user's e-mail, or the storefront key's name.
/// It comes from the verified identity only; nothing the caller says about itself counts.
/// </summary>
public static class Actor
{
    /// <summary>On a storefront endpoint, the name of the key that was checked; elsewhere the signed-in user.</summary>
    public static string Of(HttpRequest request) =>
        (request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RequiresStorefrontKey>() is null
            ? null
            : request.HttpContext.RequestServices.GetRequiredService<StorefrontKeyHolder>().CallerOf(request)?.Name)
        ?? Of(request.HttpContext.User);

    public static string Of(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";
}
