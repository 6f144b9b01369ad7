using System.ComponentModel.DataAnnotations;

namespace AdStudio.Web.Infrastructure;

/// <summary>Request rate limits (section <c>RateLimits</c>); a refused request gets 429 with <c>Retry-After</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in attempts (token endpoint and sign-in form posts) per client address per minute.</summary>
    [Range(1, 100_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Requests to <c>/serve</c> and <c>/events</c> per storefront key per second; 0 = unlimited (no limiter at all).</summary>
    [Range(0, 10_000_000)]
    public int StorefrontPerSecond { get; set; }
}
