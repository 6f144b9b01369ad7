using System.ComponentModel.DataAnnotations;

namespace AdStudio.Web.Features.Storefront;

/// <summary>How storefronts reach <c>/serve</c> and <c>/events</c> (section <c>Storefront</c>).</summary>
public sealed class StorefrontOptions : IValidatableObject
{
    public const string SectionName = "Storefront";

    /// <summary>Origins (<c>https://shop.example</c>) whose pages may call <c>/serve</c> and <c>/events</c> from the browser; empty: no CORS.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How often every node reloads the keys from the database, so a key created or revoked on another node takes effect.</summary>
    [Range(1, 300)]
    public int KeyRefreshSeconds { get; set; } = 5;

    /// <summary>How often request counts and last use of the keys are written to the database.</summary>
    [Range(1, 300)]
    public int UsageFlushSeconds { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!IsOrigin(origin))
            {
                yield return new ValidationResult(
                    $"Storefront:AllowedOrigins entry '{origin}' is not an origin: use scheme, host and optional port only, such as https://shop.example.",
                    [nameof(AllowedOrigins)]);
            }
        }
    }

    /// <summary>An absolute http(s) URL with nothing after the host and port (a trailing slash is tolerated).</summary>
    public static bool IsOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && uri.UserInfo.Length == 0 && !value!.Contains('?') && !value.Contains('#');

    /// <summary>The origins as CORS compares them: scheme://host[:port], no trailing slash.</summary>
    public string[] NormalisedOrigins() => [.. AllowedOrigins.Select(o => new Uri(o).GetLeftPart(UriPartial.Authority))];
}
