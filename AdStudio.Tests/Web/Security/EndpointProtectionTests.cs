using System.Net;
using AdStudio.Tests.Support;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Security;

/// <summary>
/// Every endpoint the app maps, called without credentials with every method it declares: an API answers 401
/// problem details, a page redirects to the sign-in page. Only the short list below is public, so a new endpoint
/// cannot slip through unprotected.
/// </summary>
[Collection(RunningApp.Name)]
public sealed class EndpointProtectionTests(AppHost app)
{
    /// <summary>Route prefixes open to anyone, each for a reason.</summary>
    private static readonly (string Prefix, string Why)[] Public =
    [
        ("/health", "liveness and readiness probes for load balancers; they say up or down, nothing of the shop"),
        ("/metrics", "scraped by monitoring; counters only"),
        ("/openapi", "the API's description; the same for everyone, it grants nothing"),
        ("/scalar", "the API reference page over that description"),
        ("/c/", "click URLs that shoppers follow; signed, so they cannot be forged"),
        ("/i/", "impression pixels the storefront's pages load; signed"),
        ("/creatives/files/", "ad images that shoppers see; their names are content hashes"),
        ("/api/auth/token", "where an API client proves who it is"),
        ("/account/sign-in", "the sign-in form and its two-factor step: how a person proves who they are"),
        ("/account/sign-out", "ending a session needs no session"),
        ("/account/access-denied", "says only that access was denied; shows nothing of the shop"),
        ("/setup", "the one-time set-up link, itself guarded by its secret token and closed once an admin exists"),
        ("/not-found", "the not-found page that unknown addresses re-execute; it shows no data"),
        ("/Error", "the error page that failed requests re-execute; it shows no data"),
    ];

    /// <summary>Storefront endpoints: anonymous to Identity, but closed without a storefront key (checked separately).</summary>
    private static readonly string[] StorefrontKeyed = ["/serve", "/events"];

    [Fact]
    public async Task EveryEndpoint_WithoutCredentials_Answers401OrRedirectsToSignIn()
    {
        var checkedCount = 0;
        var failures = new List<string>();
        using var client = app.CreateAnonymousClient(followRedirects: false);
        foreach (var (endpoint, path) in ProtectedEndpoints())
        {
            foreach (var method in MethodsOf(endpoint))
            {
                checkedCount++;
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                if (Verdict(path, method, response) is { } failure)
                {
                    failures.Add($"{method} {path} ({endpoint.DisplayName}): {failure}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // The enumeration really found the app: its API, its pages and the job dashboard.
        Assert.True(checkedCount > 60, $"only {checkedCount} endpoint calls");
        // Blazor's circuit endpoints (hub, negotiate, disconnect) serve signed-in users only, like the pages they drive;
        // blazor.web.js and the other /_framework files are static assets, public like every script.
        Assert.Contains(ProtectedEndpoints(), e => e.Path.StartsWith("/_blazor", StringComparison.Ordinal));
        Assert.Contains(ProtectedEndpoints(), e => e.Path.StartsWith("/hangfire", StringComparison.Ordinal));
    }

    /// <summary>/serve and /events are closed too, by the storefront key rather than a user.</summary>
    [Fact]
    public async Task StorefrontEndpoints_WithoutKey_Answer401Problem()
    {
        using var client = app.CreateAnonymousClient(followRedirects: false);
        foreach (var path in StorefrontKeyed)
        {
            using var response = await client.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public void PublicList_OnlyNamesEndpointsThatExist_OrPlannedOnes()
    {
        var paths = Endpoints().Select(e => e.Path).ToList();

        // Every mapped anonymous endpoint is on the public list, a storefront endpoint or a static asset.
        var anonymous = Endpoints()
            .Where(e => e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            .Where(e => e.Endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => e.Path)
            .Where(p => !IsPublic(p) && !StorefrontKeyed.Contains(p, StringComparer.OrdinalIgnoreCase))
            .ToList();

        Assert.Empty(anonymous);
        Assert.Contains("/api/auth/token", paths);
    }

    private static string? Verdict(string path, string method, HttpResponseMessage response)
    {
        if (ApiPaths.IsApi(path))
        {
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return $"expected 401, got {(int)response.StatusCode}";
            }

            return method == "HEAD" || response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? null
                : $"401 without problem details ({response.Content.Headers.ContentType?.MediaType})";
        }

        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/sign-in", StringComparison.Ordinal)
            ? null
            : $"expected a redirect to /account/sign-in, got {(int)response.StatusCode} {location}";
    }

    private IEnumerable<(RouteEndpoint Endpoint, string Path)> ProtectedEndpoints() =>
        Endpoints().Where(e =>
            e.Endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is null
            && !IsPublic(e.Path)
            && !StorefrontKeyed.Contains(e.Path, StringComparer.OrdinalIgnoreCase));

    private IEnumerable<(RouteEndpoint Endpoint, string Path)> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e, Fill(e.RoutePattern)))
            .DistinctBy(e => (e.Item2, string.Join(",", MethodsOf(e.e))));

    private static bool IsPublic(string path) =>
        Public.Any(p => path.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase)
            && (p.Prefix.EndsWith('/') || path.Length == p.Prefix.Length || path[p.Prefix.Length] is '/' or '?'));

    private static IEnumerable<string> MethodsOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? methods.Where(m => m != HttpMethods.Options)
            // An endpoint that takes any method: the read and the write.
            : [HttpMethods.Get, HttpMethods.Post];

    /// <summary>The route with sample values for its parameters.</summary>
    private static string Fill(RoutePattern pattern)
    {
        var path = new System.Text.StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Sample(parameter),
                    _ => "",
                });
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string Sample(RoutePatternParameterPart parameter) => parameter.IsCatchAll ? "x" : parameter.Name switch
    {
        "kind" => "shoppers",
        "step" => "rollup",
        "file" => "x.png",
        "decisionId" => "not-a-decision",
        _ when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "1",
        "id" or "Id" => "1",
        _ => "x",
    };
}
