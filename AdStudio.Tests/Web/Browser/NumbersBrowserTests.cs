using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>Numbers that explain themselves, in a real Chromium: periods on cards and tables, the shop's currency, charts whose labels fit.</summary>
[Collection(RunningApp.Name)]
public sealed class NumbersBrowserTests(AppHost app, BrowserSignIn signIn) : SignedInBrowserTest(app, signIn), IClassFixture<BrowserSignIn>
{
    // Every text element of every chart SVG whose box sticks out of its SVG's box by more than half a pixel.
    private const string TextOutsideCharts =
        """
        () => [...document.querySelectorAll('figure[data-chart] svg')].flatMap(svg => {
            const box = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text')].filter(t => {
                const r = t.getBoundingClientRect();
                return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5);
            }).map(t => svg.closest('figure').dataset.chart + ': ' + t.textContent);
        })
        """;

    private async Task AssertChartTextInsideAsync(int charts)
    {
        await Assertions.Expect(Page.Locator("figure[data-chart] svg")).ToHaveCountAsync(charts);
        Assert.True(await Page.Locator("figure[data-chart] svg text").CountAsync() > 10, "the charts draw their tick labels");
        Assert.Empty(await Page.EvaluateAsync<string[]>(TextOutsideCharts));
    }

    [Fact]
    public async Task Dashboard_DefaultRange_CardsSayLast30DaysInEurosAndChartLabelsFit()
    {
        await OpenAsync("/");

        var periods = Page.Locator("[data-kpi] [data-kpi-period]");
        await Assertions.Expect(periods).ToHaveCountAsync(8);
        foreach (var period in await periods.AllInnerTextsAsync())
        {
            Assert.StartsWith("last 30 days · ", period, StringComparison.Ordinal);
        }

        await Assertions.Expect(Page.Locator("[data-kpi='Spend'] [data-kpi-value]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^€ [0-9,]+\\.[0-9]{2}$"));
        await Assertions.Expect(Page.Locator("[data-kpi='CVR (per click)']")).ToBeVisibleAsync();
        await AssertChartTextInsideAsync(1);

        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task CampaignPage_DemoCampaign_CardsBudgetAndCreativesSayTheirPeriodsAndChartLabelsFit()
    {
        int campaignId;
        await using (var db = App.OpenDb())
        {
            // The demo campaign with the most traffic, so every chart has something to draw.
            campaignId = (await db.DailyRollups.GroupBy(r => r.CampaignId).Select(g => new { g.Key, Impressions = g.Sum(r => r.Impressions) }).ToListAsync())
                .OrderByDescending(x => x.Impressions).First().Key;
        }

        await OpenAsync($"/campaigns/{campaignId}");

        var periods = Page.Locator("[data-kpi] [data-kpi-period]");
        await Assertions.Expect(periods).ToHaveCountAsync(8);
        Assert.All(await periods.AllInnerTextsAsync(), p => Assert.Equal("last 30 days", p));
        await Assertions.Expect(Page.Locator("[data-testid='cards-period']")).ToContainTextAsync("Cards: last 30 days · ");
        await Assertions.Expect(Page.Locator("[data-testid='creatives-period']")).ToContainTextAsync("the same period as the cards");
        await Assertions.Expect(Page.Locator("[data-testid='budget-today']")).ToContainTextAsync("shop day in UTC");
        await Assertions.Expect(Page.Locator("[data-testid='budget-total']")).ToContainTextAsync("Total since the campaign started: € ");
        await Assertions.Expect(Page.Locator("[data-testid='budget-agreement']")).ToContainTextAsync("today's spend is live");
        await Assertions.Expect(Page.Locator("[data-creative-spend]").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^€ "));
        await AssertChartTextInsideAsync(3);

        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("campaign.png"), FullPage = true });
    }

    [Fact]
    public async Task SegmentPage_DemoSegment_HistogramsEndWithAnAndMoreBucketAndLabelsFit()
    {
        int segmentId;
        await using (var db = App.OpenDb())
        {
            // The largest demo segment, so the privacy threshold does not hide its charts.
            segmentId = await db.Segments.Where(s => !s.IsArchived).OrderByDescending(s => s.Size).Select(s => s.Id).FirstAsync();
        }

        await OpenAsync($"/segments/{segmentId}");

        // Every demo shopper visits, so the visit histogram is always drawn (spend may be empty on a young demo).
        var svg = Page.Locator("figure[data-chart='Visit distribution'] svg");
        await Assertions.Expect(svg).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        var texts = (await svg.Locator("text").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Single(texts, t => t.StartsWith("≥ ", StringComparison.Ordinal));

        Assert.Empty(await Page.EvaluateAsync<string[]>(TextOutsideCharts));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("segment-numbers.png"), FullPage = true });
    }
}
