using System.Net;
using System.Net.Http.Json;
using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Web.Security;

/// <summary>
/// An app deployed behind a TLS-terminating proxy at the loopback address, without the demo: the client address
/// and scheme come from the proxy, plain http is redirected, HSTS is sent, tokens expire, the seed step is gone.
/// </summary>
[Collection(ProxiedApp.Name)]
public sealed class ProxiedAppTests(ProxiedAppHost host)
{
    private AppHost App => host.App;

    [Fact]
    public async Task TokenRequest_FromKnownProxy_AuditsTheForwardedClientAddress()
    {
        var details = await ForwardedSignIn.FailedAttemptDetailsAsync(App);

        Assert.EndsWith("from 203.0.113.7", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpThroughTheProxy_IsRedirectedToHttps()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = "adstudio.example";
        request.Headers.Add("X-Forwarded-Proto", "http");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://adstudio.example/health", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task HttpsThroughTheProxy_SendsHsts()
    {
        using var client = App.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = "adstudio.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_AfterItsLifetime_Answers401()
    {
        var email = await TestUsers.CreateAsync(App, Roles.Analyst);
        using var client = App.CreateAnonymousClient();
        var token = await TestCredentials.TokenAsync(client, email, TestUsers.Password);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using (var fresh = await client.GetAsync("/api/campaigns"))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        var issued = host.Clock.Now;
        host.Clock.Now = issued.AddMinutes(61);
        try
        {
            using var expired = await client.GetAsync("/api/campaigns");

            await ProblemAssert.IsProblemAsync(expired, HttpStatusCode.Unauthorized);
        }
        finally
        {
            host.Clock.Now = issued;
        }
    }

    [Fact]
    public async Task SeedStep_WithoutDemo_IsUnknownAndNotOnTheJobsPage()
    {
        using var client = App.CreateClient();

        using var seed = await client.PostAsync("/api/pipeline/seed", content: null);
        using var rollup = await client.PostAsync("/api/pipeline/rollup", content: null);

        var problem = await ProblemAssert.IsProblemAsync(seed, HttpStatusCode.BadRequest);
        Assert.Contains("Unknown pipeline step 'seed'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, rollup.StatusCode);
        var jobs = await client.GetStringAsync("/jobs");
        Assert.Contains("data-step=\"rollup\"", jobs, StringComparison.Ordinal);
        Assert.DoesNotContain("data-step=\"seed\"", jobs, StringComparison.Ordinal);
    }
}
