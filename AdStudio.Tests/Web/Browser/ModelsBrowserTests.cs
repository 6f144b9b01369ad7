using AdStudio.Tests.Support;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>The Models page after a real training run, in a real Chromium at the widths marketers' laptops have.</summary>
public sealed class ModelsBrowserTests(TrainedAppHost host) : IAsyncLifetime, IClassFixture<TrainedAppHost>
{
    private readonly BrowserSignIn _signIn = new();
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

    [Fact]
    public async Task Models_AfterTraining_FitsAt1440And1280_AndPromoteAsksFirst()
    {
        await host.EnsureTrainedAsync();
        await using var context = await _signIn.NewContextAsync(_browser, host.App.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.App.BaseAddress, "/models").ToString());
        await page.Locator("[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid='run-summary']")).ToHaveCountAsync(1);

        foreach (var width in new[] { 1440, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"at {width} px the page scrolls sideways by {overflow} px");
            // The actions are in sight, not scrolled away inside the card.
            var card = await page.Locator("[data-testid='model-table']").BoundingBoxAsync();
            var promote = await page.Locator("[data-testid^='promote-']").First.BoundingBoxAsync();
            Assert.True(promote!.X + promote.Width <= card!.X + card.Width, $"at {width} px the promote button ends at {promote.X + promote.Width}, the card at {card.X + card.Width}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath($"models-{width}.png"), FullPage = true });
        }

        var candidate = page.Locator("[data-testid^='promote-']").First;
        var id = (await candidate.GetAttributeAsync("data-testid"))!["promote-".Length..];
        await candidate.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync($"Promote model #{id}?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"[data-status='{id}']")).ToHaveTextAsync("candidate");
        Assert.Equal(0, await page.Locator("[data-testid='models-notice']").CountAsync());
    }
}
