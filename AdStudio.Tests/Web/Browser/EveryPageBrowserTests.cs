using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>
/// Every page of the app in a real Chromium, signed in as admin (and the sign-in page anonymously): none may log a
/// console error, throw, fail a request or get an error answer; each leaves a full-page screenshot in screenshots/.
/// </summary>
[Collection(RunningApp.Name)]
public sealed class EveryPageBrowserTests(AppHost app, BrowserSignIn signIn) : IAsyncLifetime, IClassFixture<BrowserSignIn>
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>Every <c>@page</c> route a signed-in admin opens; ids are the demo data's first of each kind.</summary>
    public static TheoryData<string, string, bool> Pages => new()
    {
        { "dashboard", "/", true },
        { "campaigns", "/campaigns", true },
        { "campaign-new", "/campaigns/new", true },
        { "campaign", "/campaigns/{campaign}", true },
        { "campaign-edit", "/campaigns/{campaign}/edit", true },
        { "creatives", "/creatives", true },
        { "creative", "/creatives/{creative}", true },
        { "segments", "/segments", true },
        { "segment-new", "/segments/new", true },
        { "segment", "/segments/{segment}", true },
        { "segment-edit", "/segments/{segment}/edit", true },
        { "clusters", "/segments/clusters", true },
        { "import", "/segments/import", true },
        { "experiments", "/experiments", true },
        { "experiment-new", "/experiments/new", true },
        { "experiment", "/experiments/{experiment}", true },
        { "calculator", "/experiments/calculator", true },
        { "analyze", "/experiments/analyze", true },
        { "models", "/models", true },
        { "jobs", "/jobs", true },
        { "audit", "/audit", true },
        { "users", "/admin/users", true },
        { "storefront-keys", "/admin/storefront-keys", true },
        { "password", "/account/password", false },
        { "two-factor", "/account/two-factor", false },
        { "not-found", "/not-found", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_SignedInAsAdmin_HasNoConsoleErrorOrFailedRequest(string name, string route, bool interactive)
    {
        var path = await ResolveAsync(route);
        await using var context = await signIn.NewContextAsync(_browser, app.BaseAddress);
        var page = await context.NewPageAsync();
        // The not-found page answers 404 on purpose; nothing else may.
        var problems = new PageProblems(page, r => name == "not-found" && r.Request.IsNavigationRequest && new Uri(r.Url).AbsolutePath == "/not-found");

        await OpenAsync(page, path, interactive);

        Assert.Equal(path, new Uri(page.Url).PathAndQuery);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath($"page-{name}.png"), FullPage = true });
        Assert.True(problems.All.Count == 0, $"{path}:\n{string.Join("\n", problems.All)}");
        // Opening a page changes nothing for the user's other sessions (the two-factor page once renewed the security stamp).
        using var client = app.CreateClient();
        using var api = await client.GetAsync("/api/campaigns");
        Assert.Equal(System.Net.HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task SignInPage_Anonymous_HasNoConsoleErrorOrFailedRequest()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = BrowserSignIn.Viewport });
        var page = await context.NewPageAsync();
        var problems = new PageProblems(page);

        await OpenAsync(page, "/account/sign-in", interactive: false);

        await Assertions.Expect(page.Locator("[data-testid='sign-in']")).ToBeVisibleAsync();
        // Headless Chromium never asks for a favicon, so check the declared one loads (a headed browser logs its 404).
        var icon = await page.Locator("link[rel='icon']").GetAttributeAsync("href");
        var answer = await page.APIRequest.GetAsync(new Uri(app.BaseAddress, icon).ToString());
        Assert.Equal((200, "image/svg+xml"), (answer.Status, answer.Headers["content-type"]));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("page-sign-in.png"), FullPage = true });
        Assert.True(problems.All.Count == 0, string.Join("\n", problems.All));
    }

    private async Task OpenAsync(IPage page, string path, bool interactive)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        if (interactive)
        {
            // Errors of the circuit (a blocked script, a failed render) show only once the page is interactive.
            await page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private async Task<string> ResolveAsync(string route)
    {
        if (!route.Contains('{', StringComparison.Ordinal))
        {
            return route;
        }

        await using var db = app.OpenDb();
        return route
            .Replace("{campaign}", (await db.Campaigns.MinAsync(c => c.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{creative}", (await db.Creatives.MinAsync(c => c.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{segment}", (await db.Segments.MinAsync(c => c.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{experiment}", (await db.Experiments.MinAsync(c => c.Id)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
