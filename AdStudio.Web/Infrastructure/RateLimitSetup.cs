using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using AdStudio.Core.Storefront;
using AdStudio.Web.Features.Storefront;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Infrastructure;

/// <summary>
/// ASP.NET Core's rate limiter with two endpoint policies: sign-in attempts per client address, and storefront
/// requests per key. No global limiter: an endpoint without a policy skips the middleware's work entirely, which
/// keeps /serve free of it while the storefront limit is off.
/// </summary>
public static class RateLimitSetup
{
    public const string SignInPolicy = "sign-in";
    public const string StorefrontPolicy = "storefront";

    private static readonly TimeSpan SignInWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StorefrontWindow = TimeSpan.FromSeconds(1);

    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) => Configure(options, limits.Value));
        return builder;
    }

    /// <summary>Limits POSTs per client address under the sign-in policy; GETs (showing the form) are never limited.</summary>
    public static TBuilder RequireSignInRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(SignInPolicy);

    /// <summary>
    /// Puts the sign-in limit on the endpoints among <paramref name="builder"/>'s whose route is one of
    /// <paramref name="routes"/> (the sign-in pages among all Razor components, for example).
    /// </summary>
    public static TBuilder RequireSignInRateLimit<TBuilder>(this TBuilder builder, params string[] routes)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route
                && routes.Any(r => string.Equals(route.RoutePattern.RawText?.TrimEnd('/'), r.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(SignInPolicy));
            }
        });
        return builder;
    }

    private static void Configure(RateLimiterOptions options, RateLimitOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = RejectAsync;

        var signIn = new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = SignInWindow, QueueLimit = 0 };
        options.AddPolicy(SignInPolicy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientPartition(context.Connection.RemoteIpAddress), _ => signIn)
            : RateLimitPartition.GetNoLimiter("not a sign-in attempt"));

        if (limits.StorefrontPerSecond > 0)
        {
            var storefront = new FixedWindowRateLimiterOptions { PermitLimit = limits.StorefrontPerSecond, Window = StorefrontWindow, QueueLimit = 0 };
            options.AddPolicy(StorefrontPolicy, context => context.RequestServices.GetRequiredService<StorefrontKeyHolder>().CallerOf(context.Request) is { } caller
                ? RateLimitPartition.GetFixedWindowLimiter(caller.Id, _ => storefront)
                : RateLimitPartition.GetNoLimiter(int.MinValue));
        }
    }

    /// <summary>An IPv4 address, or the /64 network of an IPv6 one (one subscriber usually holds a whole /64).</summary>
    public static string ClientPartition(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
                detail: $"Too many requests; retry after {seconds} s.",
                title: "Too many requests.",
                statusCode: StatusCodes.Status429TooManyRequests,
                extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds })
            .ExecuteAsync(context);
    }
}
