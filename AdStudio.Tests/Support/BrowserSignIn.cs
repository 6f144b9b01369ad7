using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace AdStudio.Tests.Support;

/// <summary>
/// Signs people in through the real sign-in page and keeps each one's cookies, so a test class signs in once per
/// person and every test opens a fresh browser context already signed in.
/// </summary>
public sealed class BrowserSignIn
{
    private readonly ConcurrentDictionary<string, string> _states = new(StringComparer.Ordinal);

    public static ViewportSize Viewport { get; } = new() { Width = 1440, Height = 1000 };

    /// <summary>Fills and submits the sign-in form, then waits until the app has left the sign-in page.</summary>
    public static async Task SignInAsync(IPage page, Uri baseAddress, string email, string password)
    {
        if (!page.Url.Contains("/account/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync(new Uri(baseAddress, "/account/sign-in").ToString());
        }

        await page.Locator("input[name='Email']").FillAsync(email);
        await page.Locator("input[name='Password']").FillAsync(password);
        await page.Locator("[data-testid='sign-in']").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>A new context signed in as <paramref name="email"/> (signing in through the page the first time only).</summary>
    public async Task<IBrowserContext> NewContextAsync(
        IBrowser browser, Uri baseAddress, string email = TestCredentials.AdminEmail, string password = TestCredentials.AdminPassword)
    {
        if (!_states.TryGetValue(email, out var state))
        {
            await using var first = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport });
            var page = await first.NewPageAsync();
            await SignInAsync(page, baseAddress, email, password);
            state = await first.StorageStateAsync();
            _states[email] = state;
        }

        return await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport, StorageState = state });
    }
}
