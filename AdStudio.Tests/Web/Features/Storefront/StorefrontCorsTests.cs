using System.Net;
using System.Net.Http.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Storefront;

[Collection(LimitedApp.Name)]
public sealed class StorefrontCorsTests(LimitedAppHost host)
{
    private static HttpRequestMessage Preflight(string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-adstudio-key");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Theory]
    [InlineData("/serve")]
    [InlineData("/events")]
    public async Task Preflight_AllowedOriginWithoutKey_AllowsPostWithKeyHeader(string path)
    {
        using var client = host.App.CreateAnonymousClient();
        using var request = Preflight(path, LimitedAppHost.AllowedOrigin);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(LimitedAppHost.AllowedOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("x-adstudio-key", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_OtherOrigin_GetsNoCorsHeaders()
    {
        using var client = host.App.CreateAnonymousClient();
        using var request = Preflight("/serve", "https://elsewhere.example");

        using var response = await client.SendAsync(request);

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Serve_FromAllowedOrigin_AnswersWithAllowOrigin()
    {
        using var client = host.App.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/serve") { Content = JsonContent.Create(new { shopperId = "shopper-000002", placement = "sidebar" }) };
        request.Headers.Add("Origin", LimitedAppHost.AllowedOrigin);
        request.Headers.Add(TestCredentials.StorefrontKeyHeader, TestCredentials.StorefrontKey);

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"answered {response.StatusCode}");
        Assert.Equal(LimitedAppHost.AllowedOrigin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_KeysApi_GetsNoCorsHeaders()
    {
        using var client = host.App.CreateAnonymousClient();
        using var request = Preflight("/api/storefront-keys", LimitedAppHost.AllowedOrigin);

        using var response = await client.SendAsync(request);

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }
}
