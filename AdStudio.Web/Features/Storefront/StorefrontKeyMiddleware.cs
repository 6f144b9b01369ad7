using AdStudio.Core.Storefront;

namespace AdStudio.Web.Features.Storefront;

/// <summary>
/// Lets a request to an endpoint marked <see cref="RequiresStorefrontKey"/> through only with a valid
/// <c>X-AdStudio-Key</c>, and counts its use. Every other request passes untouched. The audit actor and the
/// per-key rate limit find the key again with <see cref="StorefrontKeyHolder.CallerOf"/>.
/// </summary>
/// <remarks>
/// On /serve's hot path: one metadata lookup, one SHA-256 into stack memory, one lookup in the immutable ring and
/// two interlocked writes. No database, no lock, no allocation, no request feature set when the key is valid.
/// </remarks>
public sealed class StorefrontKeyMiddleware(RequestDelegate next, StorefrontKeyHolder keys, TimeProvider clock)
{
    public const string HeaderName = "X-AdStudio-Key";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresStorefrontKey>() is null)
        {
            return next(context);
        }

        var presented = context.Request.Headers[HeaderName];
        if (presented.Count == 0 || string.IsNullOrEmpty(presented[0]))
        {
            return RefuseAsync(context, "The request needs the storefront key in the X-AdStudio-Key header.");
        }

        var caller = presented.Count == 1 ? keys.Current.Find(presented[0]) : null;
        if (caller is null)
        {
            // The same answer for a key that never existed and one that was revoked.
            return RefuseAsync(context, "The X-AdStudio-Key header does not hold a valid storefront key.");
        }

        caller.Usage.Record(clock.GetUtcNow().UtcDateTime);
        return next(context);
    }

    private static Task RefuseAsync(HttpContext context, string detail) =>
        TypedResults.Problem(detail: detail, title: "Storefront key required.", statusCode: StatusCodes.Status401Unauthorized)
            .ExecuteAsync(context);
}
