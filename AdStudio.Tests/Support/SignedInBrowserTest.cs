using Microsoft.Playwright;

namespace AdStudio.Tests.Support;

/// <summary>
/// A browser test against the shared demo app: its own Chromium, one page already signed in as the bootstrap admin, and
/// the wait for interactivity every click needs.
/// </summary>
public abstract class SignedInBrowserTest(AppHost app, BrowserSignIn signIn) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    protected AppHost App { get; } = app;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        var context = await signIn.NewContextAsync(_browser, App.BaseAddress);
        Page = await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync(new Uri(App.BaseAddress, path).ToString());
        await WaitInteractiveAsync();
    }

    /// <summary>Clicks sent before the Blazor circuit connects are lost; waits until the layout says it is interactive.</summary>
    protected Task WaitInteractiveAsync() =>
        Page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
}
