using System.Net;
using System.Net.Http.Json;
using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Web.Security;

/// <summary>
/// State-changing API calls made with the browser's sign-in cookie must carry the antiforgery token; bearer-token
/// calls need none. The cookie here is the app's own cookie for the user (see <see cref="CookieSession.ForUserAsync"/>).
/// </summary>
[Collection(RunningApp.Name)]
public sealed class CookieAntiforgeryTests(AppHost app)
{
    private const string RefusalTitle = "Antiforgery token missing or invalid.";

    [Fact]
    public async Task CrossSiteFormPost_WithSessionCookie_Answers400AndChangesNothing()
    {
        using var session = await CookieSession.ForUserAsync(app, await TestUsers.CreateAsync(app, Roles.Marketer));
        int before;
        await using (var db = app.OpenDb())
        {
            before = await db.Campaigns.CountAsync();
        }

        // What a hostile page's auto-submitting <form method=post action=".../api/campaigns"> sends: the cookie, a form, no token.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns")
        {
            Content = new FormUrlEncodedContent([new("name", "Forged campaign"), new("bid", "99")]),
        };
        request.Headers.Add("Origin", "https://attacker.example");
        request.Headers.Referrer = new Uri("https://attacker.example/page");
        using var response = await session.Client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(RefusalTitle, problem.GetProperty("title").GetString());
        await using var after = app.OpenDb();
        Assert.Equal(before, await after.Campaigns.CountAsync());
    }

    /// <summary>The same forgery with the cookie the real sign-in form sets.</summary>
    [Fact]
    public async Task CrossSiteFormPost_WithCookieFromTheSignInForm_Answers400()
    {
        var email = await TestUsers.CreateAsync(app, Roles.Marketer);
        using var session = await CookieSession.SignInAsync(app, email, TestUsers.Password);
        using (var signedIn = await session.Client.GetAsync("/api/campaigns"))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pipeline/rollup") { Content = new FormUrlEncodedContent([new("step", "rollup")]) };
        request.Headers.Add("Origin", "https://attacker.example");
        using var response = await session.Client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(RefusalTitle, problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/pipeline/rollup")]
    [InlineData("/api/campaigns/1/pause")]
    public async Task CookiePostWithoutBody_WithoutToken_Answers400(string path)
    {
        using var session = await CookieSession.ForUserAsync(app, await TestUsers.CreateAsync(app, Roles.Marketer));

        using var response = await session.Client.PostAsync(path, content: null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(RefusalTitle, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task CookieMultipartUpload_WithoutToken_Answers400()
    {
        using var session = await CookieSession.ForUserAsync(app, await TestUsers.CreateAsync(app, Roles.Marketer));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Forged"), "name" },
            { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]), "files", "x.png" },
        };

        using var response = await session.Client.PostAsync("/api/creatives", form);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(RefusalTitle, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task CookieImport_WithoutToken_Answers400()
    {
        using var session = await CookieSession.ForUserAsync(app, await TestUsers.CreateAsync(app, Roles.Marketer));
        using var form = new MultipartFormDataContent { { new StringContent("id,region\nforged-1,north\n"), "file", "shoppers.csv" } };

        using var response = await session.Client.PostAsync("/api/import/shoppers", form);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(RefusalTitle, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task CookiePut_WithoutToken_Answers400()
    {
        using var session = await CookieSession.ForUserAsync(app, await TestUsers.CreateAsync(app, Roles.Marketer));

        using var response = await session.Client.PutAsJsonAsync("/api/campaigns/1", new { name = "Renamed by a forgery" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(RefusalTitle, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task CookiePost_WithHeaderToken_IsAccepted()
    {
        var email = await TestUsers.CreateAsync(app, Roles.Marketer);
        using var session = await CookieSession.ForUserAsync(app, email);
        var token = await session.AntiforgeryTokenAsync(app, email);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pipeline/rollup");
        request.Headers.Add("RequestVerificationToken", token);

        using var response = await session.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task CookiePost_WithFormFieldToken_PassesTheCheck()
    {
        var email = await TestUsers.CreateAsync(app, Roles.Marketer);
        using var session = await CookieSession.ForUserAsync(app, email);
        var token = await session.AntiforgeryTokenAsync(app, email);

        // The token is right, the rest of the form is not: the handler's own 400, not the antiforgery refusal.
        using var response = await session.Client.PostAsync(
            "/api/import/shoppers", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEqual(RefusalTitle, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task CookieImport_TokenInTheFormButTooManyParts_Answers413LikeTheEndpoint()
    {
        var email = await TestUsers.CreateAsync(app, Roles.Marketer);
        using var session = await CookieSession.ForUserAsync(app, email);
        var token = await session.AntiforgeryTokenAsync(app, email);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        for (var i = 0; i < 150; i++)
        {
            form.Add(new StringContent("x"), $"field{i}");
        }

        // The antiforgery check reads the form before the handler: it must read it under the endpoint's own limits.
        using var response = await session.Client.PostAsync("/api/import/shoppers", form);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("limit", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CookiePost_WithAnotherUsersToken_Answers400()
    {
        var victim = await TestUsers.CreateAsync(app, Roles.Marketer);
        var attacker = await TestUsers.CreateAsync(app, Roles.Marketer);
        using var attackerSession = await CookieSession.ForUserAsync(app, attacker);
        var attackerToken = await attackerSession.AntiforgeryTokenAsync(app, attacker);
        using var session = await CookieSession.ForUserAsync(app, victim);
        await session.AntiforgeryTokenAsync(app, victim);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pipeline/rollup");
        request.Headers.Add("RequestVerificationToken", attackerToken);

        using var response = await session.Client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(RefusalTitle, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task BearerPost_WithoutToken_IsAccepted()
    {
        using var client = await TestUsers.ClientAsync(app, Roles.Marketer);

        using var response = await client.PostAsync("/api/pipeline/rollup", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task CookieGet_NeedsNoToken()
    {
        using var session = await CookieSession.ForUserAsync(app, await TestUsers.CreateAsync(app, Roles.Analyst));

        using var response = await session.Client.GetAsync("/api/campaigns");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
