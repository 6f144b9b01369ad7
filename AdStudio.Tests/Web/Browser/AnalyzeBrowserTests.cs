using AdStudio.Tests.Support;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>A campaign manager judges a test run elsewhere: the shipped Hillstrom e-mail test, loaded by its button.</summary>
[Collection(RunningApp.Name)]
public sealed class AnalyzeBrowserTests(AppHost app, BrowserSignIn signIn) : SignedInBrowserTest(app, signIn), IClassFixture<BrowserSignIn>
{
    [Fact]
    public async Task AnalyzePage_HillstromExample_ShowsTableForestPlotAndSrm()
    {
        await OpenAsync("/experiments");
        await Page.Locator("[data-testid='analyze-file-link']").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/experiments/analyze$"));
        await WaitInteractiveAsync();

        await Page.Locator("[data-testid='analyze-example']").ClickAsync();

        var table = Page.Locator("[data-testid='analyze-table']");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(6, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        await Assertions.Expect(table.Locator("tr[data-variant='No E-Mail'][data-metric='conversion_rate']")).ToContainTextAsync("(control)");
        await Assertions.Expect(table.Locator("tr[data-variant='Mens E-Mail'][data-metric='conversion_rate']")).ToContainTextAsync("21,307");
        await Assertions.Expect(Page.Locator("[data-testid='analyze-srm']")).ToHaveAttributeAsync("data-srm-mismatch", "false");
        await Assertions.Expect(Page.Locator("[data-chart='Forest plot of lifts'] svg")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("[data-testid='analyze-csv']")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^data:text/csv"));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("analyze.png"), FullPage = true });
    }
}
