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
        var email = $"nobody-{Guid.NewGuid():N}@adstudio.test";
        using var client = app.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { email, password = "wrong-password-123" }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        await using var db = app.OpenDb();
        var entry = await db.AuditEntries.SingleAsync(a => a.Actor == email && a.Action == "sign-in-failed");
        Assert.DoesNotContain("203.0.113.7", entry.Details, StringComparison.Ordinal);
        Assert.Matches("from (127\\.0\\.0\\.1|::1)$", entry.Details);
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
