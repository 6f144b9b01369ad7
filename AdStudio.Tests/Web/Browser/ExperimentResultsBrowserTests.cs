using AdStudio.Tests.Support;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>A campaign manager reads the demo experiment's results in a real Chromium and can decide from them.</summary>
[Collection(RunningApp.Name)]
public sealed class ExperimentResultsBrowserTests(AppHost app, BrowserSignIn signIn) : SignedInBrowserTest(app, signIn), IClassFixture<BrowserSignIn>
{

    [Fact]
    public async Task ResultsPage_DemoExperiment_ShowsVerdictGuardrailsNamedArmsAndRoiInPoints()
    {
        await OpenAsync("/experiments/1");

        // The verdict decides on the demo campaign's primary metric (clicks campaign: CTR) and says how, or how long to wait.
        var verdict = Page.Locator("[data-testid='verdict-text']");
        await Assertions.Expect(verdict).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(
            @"^(Treatment '.+' wins on CTR: [+−]\d+\.\d % relative, \d+\.\d % chance to win, p [=<] [\d.]+\.|Control '.+' wins on CTR: .+|No decision yet.*CTR.*|No winner: the arms are equivalent on CTR.+)$"));
        await Assertions.Expect(Page.Locator("tr[data-metric='ctr'] [data-metric-chip='primary']")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("[data-metric-chip='guardrail']")).ToHaveCountAsync(3);

        // Arms read as the creatives they show (the demo arms kept the placeholder names), each with its thumbnail.
        var arms = Page.Locator("[data-arm] [data-arm-name]");
        await Assertions.Expect(arms).ToHaveCountAsync(2);
        Assert.DoesNotContain(await arms.EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-arm-name'))"), n => n is "Control" or "Treatment");
        await Assertions.Expect(Page.Locator("[data-arm] img[data-arm-thumb]")).ToHaveCountAsync(2);
        Assert.True(await Page.Locator("[data-arm] img[data-arm-thumb]").First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the thumbnail loads");

        // ROI's lift is an absolute difference in percentage points, never a relative percent; the row says so either way.
        await Assertions.Expect(Page.Locator("tr[data-metric='roi'] [data-lift-unit]")).ToHaveTextAsync("lift: absolute, pp");
        await Assertions.Expect(Page.Locator("tr[data-metric='ctr'] [data-lift-unit]")).ToHaveTextAsync("lift: relative, %");
        var roi = Page.Locator("tr[data-metric='roi']").Nth(1);
        var lift = roi.Locator("[data-lift]");
        if (await lift.CountAsync() == 1)
        {
            await Assertions.Expect(lift).ToHaveAttributeAsync("data-lift-type", "absolute");
            await Assertions.Expect(lift).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[+−]?\d+\.\d pp \[[−+]?\d+\.\d pp, [−+]?\d+\.\d pp\]\s+absolute$"));
        }
        else
        {
            // The small test demo has few conversions: no interval thousands of points wide, but the reason.
            await Assertions.Expect(roi.Locator("[data-not-enough]")).ToContainTextAsync("not enough data yet: needs 100 shoppers and 10 conversions per arm");
            await Assertions.Expect(roi.Locator("[data-not-enough]")).ToHaveAttributeAsync("data-lift-type", "absolute");
        }

        await Assertions.Expect(Page.Locator("[data-testid='results-table'] tbody tr")).ToHaveCountAsync(8);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("experiment.png"), FullPage = true });
    }
}
