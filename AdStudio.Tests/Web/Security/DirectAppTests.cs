using System.Net;
using System.Net.Http.Json;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Web.Security;

/// <summary>The default deployment: no proxy configured and plain http on localhost.</summary>
[Collection(RunningApp.Name)]
public sealed class DirectAppTests(AppHost app)
{
    [Fact]
    public async Task TokenRequest_WithoutKnownProxies_IgnoresForwardedFor()
    {
        var details = await ForwardedSignIn.FailedAttemptDetailsAsync(app);

        Assert.DoesNotContain("203.0.113.7", details, StringComparison.Ordinal);
        Assert.Matches("from (127\\.0\\.0\\.1|::1)$", details);
    }

    [Fact]
    public async Task PlainHttp_IsServedWithoutRedirectOrHsts()
    {
        using var client = app.CreateAnonymousClient(followRedirects: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
