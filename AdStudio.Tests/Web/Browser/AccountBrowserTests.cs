using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>Signing in and out, and what each role sees, in a real Chromium against the running app.</summary>
[Collection(RunningApp.Name)]
public sealed class AccountBrowserTests(AppHost app) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = BrowserSignIn.Viewport });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    private async Task WaitInteractiveAsync() =>
        await _page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    private async Task SignInAsAsync(string role, string startPath = "/")
    {
        var email = await TestUsers.CreateAsync(app.Services, role);
        await _page.GotoAsync(Url(startPath));
        await BrowserSignIn.SignInAsync(_page, app.BaseAddress, email, TestUsers.Password);
        await WaitInteractiveAsync();
    }

    [Fact]
    public async Task SignIn_ThenSignOutFromTheUserMenu_EndsOnTheSignInPage()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketer);
        await _page.GotoAsync(Url("/campaigns"));
        Assert.Contains("/account/sign-in", _page.Url, StringComparison.Ordinal);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("sign-in.png") });

        await BrowserSignIn.SignInAsync(_page, app.BaseAddress, email, TestUsers.Password);
        await WaitInteractiveAsync();
        Assert.EndsWith("/campaigns", _page.Url, StringComparison.Ordinal);
        var menu = _page.Locator("[data-testid='user-menu']");
        await Assertions.Expect(menu).ToContainTextAsync(email);
        await menu.Locator("button").First.ClickAsync();
        await Assertions.Expect(_page.Locator("[data-testid='user-roles']")).ToHaveTextAsync(Roles.Marketer);
        await _page.Locator("[data-testid='sign-out']").ClickAsync();

        await _page.WaitForURLAsync(url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        await _page.GotoAsync(Url("/campaigns"));
        Assert.Contains("/account/sign-in", _page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NavMenu_Marketer_HidesUsersAndStorefrontKeys()
    {
        await SignInAsAsync(Roles.Marketer);

        await Assertions.Expect(_page.Locator("[data-nav='import']")).ToBeVisibleAsync();
        Assert.Equal(0, await _page.Locator("[data-nav='users']").CountAsync());
        Assert.Equal(0, await _page.Locator("[data-nav='storefront-keys']").CountAsync());
        Assert.Equal(0, await _page.Locator("[data-nav='job-dashboard']").CountAsync());
    }

    [Fact]
    public async Task NavMenu_Admin_ShowsUsersAndStorefrontKeys()
    {
        await SignInAsAsync(Roles.Admin);

        await Assertions.Expect(_page.Locator("[data-nav='users']")).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("[data-nav='storefront-keys']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CampaignEditor_Analyst_CannotEdit()
    {
        int campaignId;
        await using (var db = app.OpenDb())
        {
            campaignId = await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }

        await SignInAsAsync(Roles.Analyst, $"/campaigns/{campaignId}");

        // The campaign page offers the analyst no way into the editor, and the editor's address refuses them.
        Assert.Equal(0, await _page.Locator($"a[href='/campaigns/{campaignId}/edit']").CountAsync());
        await _page.GotoAsync(Url($"/campaigns/{campaignId}/edit"));
        Assert.Contains("/account/access-denied", _page.Url, StringComparison.Ordinal);
        await Assertions.Expect(_page.Locator("[data-testid='needed-roles']")).ToContainTextAsync(Roles.Marketer);
    }
}
