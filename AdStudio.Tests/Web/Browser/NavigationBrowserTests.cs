using System.Text.RegularExpressions;
using AdStudio.Tests.Support;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>Filters kept in the address, the date popup on screen, unsaved work guarded and notices that follow runs, in a real Chromium.</summary>
[Collection(RunningApp.Name)]
public sealed partial class NavigationBrowserTests(AppHost app, BrowserSignIn signIn) : SignedInBrowserTest(app, signIn), IClassFixture<BrowserSignIn>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions RunTimeout = new() { Timeout = 90_000 };

    private async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WaitInteractiveAsync();
    }

    private ILocator PeriodInputs => Page.Locator("input[data-testid='period-filter']");

    private ILocator Kpi(string name) => Page.Locator($"[data-kpi='{name}'] [data-kpi-value]");

    /// <summary>The open date popup: the popover that holds the calendar's day buttons.</summary>
    private ILocator DatePopup => Page.Locator("[id^='popovercontent-']").Filter(new LocatorFilterOptions { Has = Day(15) });

    private ILocator Day(int day) => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = day.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true });

    [Fact]
    public async Task Dashboard_RangeAndCampaignChosen_KeptAfterReload()
    {
        await OpenAsync("/");
        var campaignName = await ChooseFirstCampaignAsync();

        await PeriodInputs.First.ClickAsync();
        await Day(10).First.ClickAsync();
        await Day(20).First.ClickAsync();

        await Page.WaitForURLAsync(FilterAddress());
        var from = await PeriodInputs.First.InputValueAsync();
        var to = await PeriodInputs.Last.InputValueAsync();
        Assert.Contains("10", from, StringComparison.Ordinal);
        Assert.Contains("20", to, StringComparison.Ordinal);

        await ReloadAsync();

        Assert.Matches(FilterAddress(), Page.Url);
        Assert.Equal((from, to), (await PeriodInputs.First.InputValueAsync(), await PeriodInputs.Last.InputValueAsync()));
        await Assertions.Expect(Page.Locator("[data-testid='campaign-filter']")).ToContainTextAsync(campaignName);
        await Assertions.Expect(Kpi("Impressions")).ToBeVisibleAsync();
    }

    private async Task<string> ChooseFirstCampaignAsync()
    {
        await Page.Locator("[data-testid='campaign-filter']").ClickAsync();
        var option = Page.GetByRole(AriaRole.Option).Nth(1);
        var name = (await option.InnerTextAsync()).Trim();
        await option.ClickAsync();
        await Page.WaitForURLAsync(new Regex("[?&]campaign=[0-9]+"));
        return name;
    }

    [GeneratedRegex("[?&]from=[0-9]{4}-[0-9]{2}-10&to=[0-9]{4}-[0-9]{2}-20&campaign=[0-9]+")]
    private static partial Regex FilterAddress();

    [Fact]
    public async Task Campaigns_SearchTyped_KeptAfterReload()
    {
        await OpenAsync("/campaigns");
        var rows = Page.Locator("table tbody tr");
        var first = (await rows.First.Locator("td").First.InnerTextAsync()).Trim();
        var term = first[..Math.Min(5, first.Length)];

        await Page.Locator("input[data-testid='campaign-search'], [data-testid='campaign-search'] input").First.FillAsync(term);
        await Page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        await ReloadAsync();

        Assert.Equal(term, await Page.Locator("input[data-testid='campaign-search'], [data-testid='campaign-search'] input").First.InputValueAsync());
        foreach (var name in await rows.Locator("td:first-child").AllInnerTextsAsync())
        {
            Assert.Contains(term, name, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(1440, 1000)]
    [InlineData(1280, 720)]
    public async Task Dashboard_DatePopupOpened_FitsInTheViewport(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await OpenAsync("/");

        await PeriodInputs.First.ClickAsync();
        await DatePopup.WaitForAsync();

        var box = await DatePopup.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width && box.Y + box.Height <= height,
            $"popup {box.X},{box.Y} {box.Width}×{box.Height} in a {width}×{height} viewport");
        // Nothing cut off inside the popup either: the last day of the first week (Saturday) lies within it.
        var saturday = await Day(7).First.BoundingBoxAsync();
        Assert.True(saturday is not null && saturday.X + saturday.Width <= box.X + box.Width,
            $"Saturday ends at {saturday?.X + saturday?.Width}, the popup at {box.X + box.Width}");
        if (width == 1440)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("dashboard-range.png") });
        }
    }

    [Fact]
    public async Task SegmentBuilder_HalfBuiltThenNavLink_AsksAndStaysWhenCancelled()
    {
        await OpenAsync("/segments/new");
        var name = Page.Locator("input[data-testid='segment-name'], [data-testid='segment-name'] input").First;
        await name.FillAsync("Half built");
        await name.BlurAsync();

        await Page.Locator("a[href='/campaigns']").First.ClickAsync();

        await Assertions.Expect(Page.GetByText("Discard your changes?")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Stay on this page" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Discard your changes?")).ToBeHiddenAsync();
        Assert.EndsWith("/segments/new", Page.Url, StringComparison.Ordinal);
        Assert.Equal("Half built", await name.InputValueAsync());
    }

    [Fact]
    public async Task Jobs_StartCluster_NoticeTurnsIntoFinishedWithoutReload()
    {
        await OpenAsync("/jobs");

        await Page.Locator("[data-step='cluster']").ClickAsync();

        var notice = Page.Locator("[data-testid='jobs-notice']");
        await Assertions.Expect(notice).ToContainTextAsync("cluster");
        await Assertions.Expect(notice).ToHaveAttributeAsync("data-notice-state", "succeeded", RunTimeout);
        await Assertions.Expect(notice).ToContainTextAsync("finished");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("jobs-notice.png"), FullPage = true });
    }

    [Fact]
    public async Task CampaignPage_WithRunningExperiment_MentionsItWithALink()
    {
        int campaignId, experimentId;
        await using (var db = App.OpenDb())
        {
            var running = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Experiments.Where(e => e.Status == AdStudio.Core.Experiments.ExperimentStatus.Running).OrderBy(e => e.Id));
            (campaignId, experimentId) = (running.CampaignId, running.Id);
        }

        await OpenAsync($"/campaigns/{campaignId}");

        var mention = Page.Locator($"[data-testid='campaign-running-experiment'][data-experiment-id='{experimentId}']");
        await Assertions.Expect(mention).ToContainTextAsync("is running on this campaign");
        await mention.Locator($"a[href='/experiments/{experimentId}']").ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith($"/experiments/{experimentId}", StringComparison.Ordinal));
    }
}
