using System.Security.Claims;
using AdStudio.Web.Features.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace AdStudio.Tests.Web.Security;

/// <summary>Which requests must carry an antiforgery token: the decision alone, case by case.</summary>
public sealed class CookieAntiforgeryRuleTests
{
    [Theory]
    // method, caller, endpoint, path → must prove it comes from AdStudio's own pages
    [InlineData("POST", "cookie", "protected", "/api/pipeline/rollup", true)]
    [InlineData("PUT", "cookie", "protected", "/api/campaigns/1", true)]
    [InlineData("PATCH", "cookie", "protected", "/api/campaigns/1", true)]
    [InlineData("DELETE", "cookie", "protected", "/api/storefront-keys/1", true)]
    [InlineData("POST", "cookie", "protected", "/api/creatives", true)]
    [InlineData("POST", "cookie", "protected", "/hangfire/recurring/trigger", true)]
    [InlineData("GET", "cookie", "protected", "/api/campaigns", false)]
    [InlineData("HEAD", "cookie", "protected", "/api/campaigns", false)]
    [InlineData("OPTIONS", "cookie", "protected", "/api/campaigns", false)]
    [InlineData("POST", "anonymous", "protected", "/api/pipeline/rollup", false)]
    [InlineData("POST", "bearer", "protected", "/api/pipeline/rollup", false)]
    [InlineData("POST", "cookie+storefront-key", "protected", "/serve", false)]
    [InlineData("POST", "cookie", "anonymous", "/api/auth/token", false)]
    [InlineData("POST", "cookie", "none", "/nowhere", false)]
    [InlineData("POST", "cookie", "checked-by-framework", "/setup", false)]
    [InlineData("POST", "cookie", "protected", "/_blazor/negotiate", false)]
    [InlineData("POST", "cookie", "protected", "/_blazor/disconnect", false)]
    public void Requires_Request_MatchesTheRule(string method, string caller, string endpoint, string path, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        if (caller != "anonymous")
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone@shop.test")], "Identity.Application"));
        }

        if (caller == "bearer")
        {
            context.Request.Headers.Authorization = "Bearer abc";
        }

        if (caller == "cookie+storefront-key")
        {
            context.Request.Headers[CookieAntiforgery.StorefrontKeyHeader] = "key";
        }

        if (endpoint != "none")
        {
            var metadata = endpoint == "anonymous" ? new EndpointMetadataCollection(new AllowAnonymousAttribute()) : EndpointMetadataCollection.Empty;
            context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, metadata, path));
        }

        if (endpoint == "checked-by-framework")
        {
            context.Features.Set<IAntiforgeryValidationFeature>(new CheckedFeature());
        }

        Assert.Equal(expected, CookieAntiforgery.Requires(context));
    }

    private sealed class CheckedFeature : IAntiforgeryValidationFeature
    {
        public bool IsValid => false;

        public Exception? Error => null;
    }
}
