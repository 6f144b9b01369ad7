namespace AdStudio.Web.Features.Security;

/// <summary>
/// Decides whether AdStudio is served over TLS: an https address among its own endpoints (<c>ASPNETCORE_URLS</c>,
/// <c>--urls</c>, <c>ASPNETCORE_HTTPS_PORTS</c>, <c>Kestrel:Endpoints</c>) or a proxy that terminates TLS
/// (<c>ForwardedHeaders:ProxyTerminatesTls</c>). Only then are HSTS and the https redirect switched on, so a
/// plain-http localhost install keeps working.
/// </summary>
public static class TransportSecurity
{
    public static bool IsServedOverTls(IConfiguration configuration, ForwardedHeadersSettings forwarded)
    {
        if (forwarded.ProxyTerminatesTls)
        {
            return true;
        }

        if (!string.IsNullOrWhiteSpace(configuration["https_ports"]))
        {
            return true;
        }

        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? "");
        return urls.Concat(endpoints).Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }
}
