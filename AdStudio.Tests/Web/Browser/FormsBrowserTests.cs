using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>
/// Forms that must refuse bad input in a real Chromium: the experiment planner's warnings and placement rule, and the
/// campaign editor's budget errors. Each test makes its own campaign or experiment with a unique name.
/// </summary>
[Collection(RunningApp.Name)]
public sealed class FormsBrowserTests(AppHost app, BrowserSignIn signIn) : SignedInBrowserTest(app, signIn), IClassFixture<BrowserSignIn>
{
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };

    /// <summary>Opens a select (its input carries the test id) and picks the option named <paramref name="text"/> (or containing it).</summary>
    private async Task ChooseAsync(ILocator select, string text, bool exact = false)
    {
        await select.ClickAsync();
        var option = exact
            ? Page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = text, Exact = true })
            : Page.GetByRole(AriaRole.Option).Filter(new LocatorFilterOptions { HasText = text }).First;
        await option.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
    }

    /// <summary>Types into a numeric field and leaves it, so the value is committed as a marketer would.</summary>
    private static async Task TypeAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>A draft campaign of its own, with two approved 300×250 creatives and one of another size, and no traffic yet.</summary>
    private async Task<(string Name, string[] Rectangles, string Other)> MixedCampaignAsync()
    {
        using var client = App.CreateClient();
        var all = (await client.GetFromJsonAsync<JsonElement>("/api/creatives")).EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "approved").ToList();
        static bool Rectangle(JsonElement c) => c.GetProperty("width").GetInt32() == 300 && c.GetProperty("height").GetInt32() == 250;
        var rectangles = all.Where(Rectangle).Take(2).ToList();
        var other = all.First(c => !Rectangle(c));
        var name = $"Planner journey {Guid.NewGuid():N}";
        using var created = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name,
            objective = "clicks",
            bidType = "cpc",
            bid = 0.5,
            dailyBudget = 10.0,
            totalBudget = 100.0,
            startsAt = DateTime.UtcNow,
            dayparting = "",
            placements = Array.Empty<string>(),
            creativeIds = rectangles.Append(other).Select(c => c.GetProperty("id").GetInt32()).ToArray(),
            includeSegments = Array.Empty<int>(),
            excludeSegments = Array.Empty<int>(),
        });
        created.EnsureSuccessStatusCode();
        return (name, [.. rectangles.Select(c => c.GetProperty("name").GetString()!)], other.GetProperty("name").GetString()!);
    }

    [Fact]
    public async Task NewExperiment_PlannerWarningsAndPlacementRule_ThenCreatesAValidDraft()
    {
        var (campaign, rectangles, other) = await MixedCampaignAsync();
        var experiment = $"Planner journey {Guid.NewGuid():N}";
        await OpenAsync("/experiments/new");

        // Creating before choosing a campaign says so on the field…
        await Page.Locator("[data-testid='new-create']").ClickAsync();
        var campaignField = Page.Locator("[data-testid='new-campaign-field']");
        await Assertions.Expect(campaignField).ToHaveAttributeAsync("data-error", new System.Text.RegularExpressions.Regex("Choose the campaign"));
        await Assertions.Expect(Page.Locator("[data-testid='new-error']")).ToBeVisibleAsync();

        // …and choosing one clears it. A demo campaign with traffic: whole shoppers per day and a long-test warning.
        await ChooseAsync(Page.Locator("[data-testid='new-campaign']"), "Spring Electronics Sale", exact: true);
        await Assertions.Expect(Page.Locator("[data-testid='new-error']")).ToHaveCountAsync(0);
        await Assertions.Expect(campaignField).Not.ToHaveAttributeAsync("data-error", new System.Text.RegularExpressions.Regex("."));
        var reach = Page.Locator("[data-testid='plan-shoppers-per-day']");
        await Assertions.Expect(reach).ToContainTextAsync("shoppers per day", Slow);
        Assert.Matches(@"Last 14 days: [1-9][0-9,]* shoppers per day", await reach.InnerTextAsync());
        await TypeAsync(Page.Locator("input[data-testid='plan-mde']"), "5");
        var warning = Page.Locator("[data-testid='plan-duration-warning']");
        await Assertions.Expect(warning).ToContainTextAsync("more than 8 weeks");
        Assert.Matches(@"about [0-9,]+ days \([0-9.]+ weeks\)", await warning.InnerTextAsync());

        // Our own campaign has no history: the assumed baseline is said, and an arm of another size is refused.
        await ChooseAsync(Page.Locator("[data-testid='new-campaign']"), campaign, exact: true);
        await Assertions.Expect(Page.Locator("[data-testid='plan-assumed']")).ToContainTextAsync("assumed to be 3 %", Slow);
        await Assertions.Expect(Page.Locator("[data-testid='arm-row']")).ToHaveCountAsync(2);
        await ChooseAsync(Page.Locator("[data-arm='1'] [data-testid='arm-creative']"), other);
        await Assertions.Expect(Page.Locator("[data-arm='1']")).ToHaveAttributeAsync("data-error", new System.Text.RegularExpressions.Regex("does not fit the control's placement"));
        await Page.Locator("[data-testid='new-name']").FillAsync(experiment);
        await TypeAsync(Page.Locator("input[data-testid='plan-per-day']"), "40");
        await TypeAsync(Page.Locator("input[data-testid='plan-mde']"), "20");
        await Page.Locator("[data-testid='new-create']").ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid='new-error']")).ToContainTextAsync("same size");
        Assert.EndsWith("/experiments/new", Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(Page.Locator("[data-testid='plan-duration-warning']")).ToBeVisibleAsync();
        await AssertArmRowsKeepTheirLayoutAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("new-experiment.png"), FullPage = true });

        // A creative of the control's size makes a valid draft that keeps the typed effect.
        await ChooseAsync(Page.Locator("[data-arm='1'] [data-testid='arm-creative']"), rectangles[1]);
        await Assertions.Expect(Page.Locator("[data-arm='1']")).Not.ToHaveAttributeAsync("data-error", new System.Text.RegularExpressions.Regex("."));
        await Page.Locator("[data-testid='new-create']").ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/experiments/[0-9]+$"), new PageWaitForURLOptions { Timeout = 30_000 });

        await using var db = App.OpenDb();
        var stored = await db.Experiments.AsNoTracking().SingleAsync(e => e.Name == experiment);
        Assert.EndsWith($"/experiments/{stored.Id}", Page.Url, StringComparison.Ordinal);
        Assert.Equal(0.2, stored.MinimumDetectableEffect, 9);
    }

    /// <summary>Every arm row keeps its weight field and delete button inside the row, at the same place, whatever the creative's name.</summary>
    private async Task AssertArmRowsKeepTheirLayoutAsync()
    {
        var rows = Page.Locator("[data-testid='arm-row']");
        var weightLefts = new List<float>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = (await rows.Nth(i).BoundingBoxAsync())!;
            var weight = (await rows.Nth(i).Locator("input[data-testid='arm-weight']").BoundingBoxAsync())!;
            Assert.True(weight.X + weight.Width <= row.X + row.Width, $"arm {i}: the weight field leaves its row");
            Assert.True(weight.Width >= 60, $"arm {i}: the weight field collapsed to {weight.Width}px");
            weightLefts.Add(weight.X);
        }

        Assert.Single(weightLefts.Distinct());
    }

    [Fact]
    public async Task CampaignEditor_NegativeBudget_ShowsFieldErrorAndSavesNothing()
    {
        var name = $"Budget journey {Guid.NewGuid():N}";
        await OpenAsync("/campaigns/new");

        await Page.Locator("input[data-testid='campaign-name']").FillAsync(name);
        await TypeAsync(Page.Locator("input[data-testid='campaign-daily']"), "-5");
        await Page.Locator("[data-testid='campaign-save']").ClickAsync();

        var daily = Page.Locator("[data-field='dailyBudget']");
        await Assertions.Expect(daily).ToHaveAttributeAsync("data-error", new System.Text.RegularExpressions.Regex("daily budget must be more than 0"));
        await Assertions.Expect(daily).ToContainTextAsync("daily budget must be more than 0");
        await Assertions.Expect(Page.Locator("input[data-testid='campaign-daily']")).ToHaveValueAsync("-5");
        Assert.EndsWith("/campaigns/new", Page.Url, StringComparison.Ordinal);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("campaign-editor.png"), FullPage = true });
        await using var db = App.OpenDb();
        Assert.Equal(0, await db.Campaigns.CountAsync(c => c.Name == name));
    }
}
