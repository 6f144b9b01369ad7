using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Security;

/// <summary>
/// Antiforgery for every state-changing request that rides on the browser's sign-in cookie, including endpoints
/// that read their body by hand (uploads, imports) and POSTs without a body, which the framework's own
/// <c>UseAntiforgery</c> leaves alone because they declare no form parameter. A browser attaches the cookie to a
/// forged cross-site form post; it cannot attach the token.
/// </summary>
public sealed class CookieAntiforgery(RequestDelegate next, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options)
{
    public const string StorefrontKeyHeader = "X-AdStudio-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!Requires(context))
        {
            await next(context);
            return;
        }

        // A token in the form means reading the form first: read it as the endpoint would (its limits, its 413 and
        // 400 answers), so a malformed or oversized form is not reported as a missing token.
        if (context.Request.HasFormContentType && !context.Request.Headers.ContainsKey(options.Value.HeaderName!))
        {
            var (_, problem) = await FormBody.ReadAsync(context.Request, context.RequestAborted);
            if (problem is not null)
            {
                await problem.ExecuteAsync(context);
                return;
            }
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            await TypedResults.Problem(
                title: "Antiforgery token missing or invalid.",
                detail: "A request signed in with the browser's cookie must carry the antiforgery token (header "
                    + "RequestVerificationToken or form field __RequestVerificationToken). API clients: use a bearer token from POST /api/auth/token.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>
    /// Whether the request must prove it comes from AdStudio's own pages: a state-changing method, signed in by
    /// the cookie, on an endpoint that acts on that sign-in, and not already checked by the framework.
    /// </summary>
    public static bool Requires(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return false;
        }

        // Anonymous callers have no session to abuse (and protected endpoints already answered 401).
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        // A bearer token or a storefront key is a header a cross-site form cannot send and a cross-origin script
        // cannot add without a CORS grant: such a request is not a forgery of the browser's session.
        if (AuthSchemes.HasBearer(context.Request) || context.Request.Headers.ContainsKey(StorefrontKeyHeader))
        {
            return false;
        }

        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            // No endpoint: nothing will act on the sign-in. An anonymous endpoint grants nothing through the cookie.
            return false;
        }

        // UseAntiforgery already checked forms of Razor components and of form-bound handlers; those answer their own refusal.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not null)
        {
            return false;
        }

        // Blazor's circuit endpoints (negotiate, the hub, disconnect) are bound to a per-circuit secret, not to the cookie alone.
        return !context.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase);
    }
}
