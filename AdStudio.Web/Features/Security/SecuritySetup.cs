using System.Net;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Security;

public static class SecuritySetup
{
    /// <summary>Forwarded headers from configured proxies, HSTS and the https redirect when served over TLS, the antiforgery cookie.</summary>
    public static IHostApplicationBuilder AddSecurity(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ForwardedHeadersSettings>(ForwardedHeadersSettings.SectionName);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The framework trusts loopback by default; only the proxies named in the settings are believed.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            // Each hop is believed only while it comes from a known proxy, so a chain of them may be unwound.
            options.ForwardLimit = null;
        });
        builder.Services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            if (settings.Value.ProxyTerminatesTls)
            {
                options.HttpsPort = settings.Value.HttpsPort;
            }
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        builder.Services.AddAntiforgery(options =>
        {
            // Like the sign-in cookie, but SameSite=Strict: the token is only ever needed on AdStudio's own posts.
            options.Cookie.Name = "AdStudio.Antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }

    /// <summary>First in the pipeline: the real client address and scheme, then HSTS and the https redirect when served over TLS.</summary>
    public static WebApplication UseProxyAndTransport(this WebApplication app)
    {
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        if (forwarded.AnyProxy)
        {
            app.UseForwardedHeaders();
        }

        if (TransportSecurity.IsServedOverTls(app.Configuration, forwarded))
        {
            // HSTS is only sent over https and never for localhost, so a developer's plain-http machine is not pinned.
            app.UseHsts();

            app.UseHttpsRedirection();
        }

        return app;
    }

    /// <summary>nosniff on everything; CSP, frame and referrer rules on pages.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }

    /// <summary>After authentication and <c>UseAntiforgery</c>: the cookie-authenticated state changes the framework does not check.</summary>
    public static WebApplication UseCookieAntiforgery(this WebApplication app)
    {
        app.UseMiddleware<CookieAntiforgery>();
        return app;
    }
}
