using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Security;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Security;

/// <summary>Browser hardening headers: a strict CSP on pages (checked in real Chromium), nosniff everywhere, little on the API.</summary>
[Collection(RunningApp.Name)]
public sealed partial class SecurityHeadersTests(AppHost app)
{
    [Fact]
    public async Task Page_HasStrictPolicyWithTheNonceOfItsImportMap()
    {
        using var session = await CookieSession.ForUserAsync(app, TestCredentials.AdminEmail);

        using var response = await session.Client.GetAsync("/campaigns");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var html = await response.Content.ReadAsStringAsync();
        var nonce = ImportMapNonce().Match(html).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Page_EachResponseHasItsOwnNonce()
    {
        using var session = await CookieSession.ForUserAsync(app, TestCredentials.AdminEmail);

        var first = ImportMapNonce().Match(await session.Client.GetStringAsync("/")).Groups[1].Value;
        var second = ImportMapNonce().Match(await session.Client.GetStringAsync("/")).Groups[1].Value;

        Assert.NotEmpty(first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task SignInRedirect_CarriesThePageHeaders()
    {
        using var client = app.CreateAnonymousClient(followRedirects: false);

        using var response = await client.GetAsync("/campaigns");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_HasNosniffButNoPagePolicy()
    {
        using var client = app.CreateClient();

        using var list = await client.GetAsync("/api/campaigns");
        using var serve = await client.PostAsJsonAsync("/serve", new { shopperId = "headers-test", placement = "sidebar" });

        foreach (var response in new[] { list, serve })
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(response.Headers.Contains("Content-Security-Policy"));
            Assert.False(response.Headers.Contains("X-Frame-Options"));
        }
    }

    [Fact]
    public async Task HangfireDashboard_RendersForAdminUnderThePagePolicy()
    {
        using var session = await CookieSession.ForUserAsync(app, TestCredentials.AdminEmail);

        using var response = await session.Client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Hangfire loads its scripts from files: the strict page policy (no inline scripts) fits it too.
        Assert.Equal(SecurityHeaders.PagePolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("AdStudio jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangfireDashboard_ForMarketer_IsForbidden()
    {
        using var session = await CookieSession.ForUserAsync(app, await TestUsers.CreateAsync(app, Roles.Marketer));

        using var response = await session.Client.GetAsync("/hangfire");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Pages_InChromium_RunWithoutPolicyViolations()
    {
        int creativeId;
        using (var api = app.CreateClient())
        {
            var creatives = await api.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/creatives");
            creativeId = creatives![0].GetProperty("id").GetInt32();
        }

        using var session = await CookieSession.ForUserAsync(app, TestCredentials.AdminEmail);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync();
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie
        {
            Name = CookieSession.AuthCookie, Value = session.AuthCookieValue, Url = app.BaseAddress.ToString().TrimEnd('/'),
        }]);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => violations.Add($"{page.Url}: {error}");

        foreach (var path in new[] { "/", "/campaigns", $"/creatives/{creativeId}" })
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            // Interactive means blazor.web.js ran and its websocket connected under the policy.
            await page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        }

        foreach (var path in new[] { "/hangfire", "/hangfire/jobs/succeeded", "/hangfire/recurring" })
        {
            await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("AdStudio jobs");
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        // Control: an injected inline script (what an XSS would add) is refused, and the refusal is seen here.
        await page.GotoAsync(new Uri(app.BaseAddress, "/campaigns").ToString());
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.head.appendChild(s); }");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
        await Assertions.Expect(page.Locator("body")).ToBeVisibleAsync();
        Assert.Contains(violations, v => v.Contains("script", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("<script type=\"importmap\" nonce=\"([^\"]+)\"")]
    private static partial Regex ImportMapNonce();
}
