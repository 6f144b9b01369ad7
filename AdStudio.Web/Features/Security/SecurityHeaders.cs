using AdStudio.Web.Infrastructure;

namespace AdStudio.Web.Features.Security;

/// <summary>
/// Browser hardening headers. Every response gets <c>X-Content-Type-Options: nosniff</c>; pages additionally get a
/// Content-Security-Policy, <c>X-Frame-Options</c> and <c>Referrer-Policy</c>. API answers (including the
/// <c>/serve</c> hot path) get nothing else: no browser renders them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// As strict as Blazor Server and MudBlazor allow: scripts only from AdStudio itself (plus the nonce of the
    /// import map), inline styles because MudBlazor sets <c>style</c> attributes, the circuit's websocket to the
    /// same origin, no framing, no plugins.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public const string DashboardPath = "/hangfire";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!ApiPaths.IsApi(context.Request.Path) || context.Request.Path.StartsWithSegments(DashboardPath, StringComparison.OrdinalIgnoreCase))
        {
            // Set when the response starts: the nonce exists only once the page has rendered its import map.
            // Hangfire's dashboard loads its scripts from files and passes under the same policy.
            context.Response.OnStarting(static state => AddPageHeaders((HttpContext)state), context);
        }

        return next(context);
    }

    private static Task AddPageHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = CspNonce.Peek(context) is { } nonce ? PagePolicy.Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal) : PagePolicy;
        return Task.CompletedTask;
    }
}
