using System.ComponentModel.DataAnnotations;
using System.Net;

namespace AdStudio.Web.Features.Security;

/// <summary>
/// Reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (section <c>ForwardedHeaders</c>).
/// With none configured the headers are ignored, so a client cannot pose as another address.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, such as <c>10.0.0.5</c> or <c>::1</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, such as <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// The proxy terminates TLS for a public https address: AdStudio then sends HSTS and redirects plain-http
    /// requests (as reported by <c>X-Forwarded-Proto</c>) to https on <see cref="HttpsPort"/>.
    /// </summary>
    public bool ProxyTerminatesTls { get; set; }

    /// <summary>The public https port used by the redirect when the proxy terminates TLS.</summary>
    [Range(1, 65535)]
    public int HttpsPort { get; set; } = 443;

    public bool AnyProxy => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"'{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"'{network}' is not a network in CIDR notation (such as 10.0.0.0/24).", [nameof(KnownNetworks)]);
        }

        if (ProxyTerminatesTls && !AnyProxy)
        {
            yield return new ValidationResult(
                "ProxyTerminatesTls needs the proxy's address in KnownProxies or KnownNetworks, or X-Forwarded-Proto is not believed.",
                [nameof(ProxyTerminatesTls)]);
        }
    }
}
