using AdStudio.Core.Events;
using AdStudio.Core.Experiments;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Experiments;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdStudio.Tests.Web.Features.Experiments;

public sealed class NewExperimentTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private const string LongName = "a-spring-electronics-headphones-discount-variant-with-a-very-long-descriptive-file-name-300x250";
    private BunitContext _ui = null!;
    private TestDatabase _db = null!;
    private int _campaign;
    private int _quietCampaign;
    private int[] _creatives = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var shop = TestShop.With("sidebar", "leaderboard");
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<TimeProvider>(new FixedClock(Now));
            services.AddSingleton(Options.Create(shop));
            services.AddSingleton<ExperimentLifecycle>();
            services.AddSingleton<ExperimentPlanner>();
        });
        await using var db = _db.Open();
        var (campaign, creatives) = await ShopData.AddCampaignAsync(db, 3, "Busy");
        creatives[0].Name = LongName;
        (creatives[2].Width, creatives[2].Height, creatives[2].Name) = (728, 90, "zz-banner");
        (_campaign, _creatives) = (campaign.Id, [.. creatives.Select(c => c.Id)]);
        // 100 shoppers saw the campaign in the last two weeks (7.14 a day), 10 of them converted.
        for (var i = 0; i < 100; i++)
        {
            db.AdEvents.Add(new AdEvent { Type = AdEventType.Impression, DecisionId = $"i{i}", ShopperId = $"s{i}", CampaignId = campaign.Id, CreativeId = creatives[0].Id, OccurredAt = Now.UtcDateTime.AddDays(-1 - (i % 10)) });
            if (i < 10)
            {
                db.AdEvents.Add(new AdEvent { Type = AdEventType.Conversion, DecisionId = $"i{i}", ShopperId = $"s{i}", CampaignId = campaign.Id, CreativeId = creatives[0].Id, OccurredAt = Now.UtcDateTime.AddDays(-1) });
            }
        }

        await db.SaveChangesAsync();
        _quietCampaign = (await ShopData.AddCampaignAsync(db, 2, "Quiet")).Campaign.Id;
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<IRenderedComponent<NewExperiment>> RenderWithCampaignAsync(int campaignId)
    {
        var cut = _ui.Render<NewExperiment>();
        cut.WaitForState(() => cut.FindComponents<MudSelect<int?>>().Count == 1);
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(campaignId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='plan-result']")));
        return cut;
    }

    [Fact]
    public async Task Create_WithoutCampaign_ShowsFieldErrorThatClearsOnceOneIsChosen()
    {
        var cut = _ui.Render<NewExperiment>();
        cut.WaitForState(() => cut.FindComponents<MudSelect<int?>>().Count == 1);

        cut.Find("button[data-testid='new-create']").Click();
        cut.WaitForAssertion(() => Assert.Equal(NewExperiment.ChooseCampaign, cut.Find("[data-testid='new-campaign-field']").GetAttribute("data-error")));
        Assert.Contains(NewExperiment.ChooseCampaign, cut.Find("[data-testid='new-error']").TextContent, StringComparison.Ordinal);
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(_campaign));

        cut.WaitForAssertion(() => Assert.Null(cut.Find("[data-testid='new-campaign-field']").GetAttribute("data-error")));
        Assert.Empty(cut.FindAll("[data-testid='new-error']"));
    }

    [Fact]
    public async Task ChooseCampaign_WithTraffic_ShowsWholeShoppersPerDayAndWarnsOfALongTest()
    {
        var cut = await RenderWithCampaignAsync(_campaign);

        Assert.Contains("7 shoppers per day", cut.Find("[data-testid='plan-shoppers-per-day']").TextContent, StringComparison.Ordinal);
        Assert.Contains("shopper conversion 10 %", cut.Find("[data-testid='plan-shoppers-per-day']").TextContent, StringComparison.Ordinal);
        Assert.Contains("at 7 shoppers per day", cut.Find("[data-testid='plan-result']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid='plan-assumed']"));
        var warning = cut.Find("[data-testid='plan-duration-warning']").TextContent;
        Assert.Contains("more than 8 weeks", warning, StringComparison.Ordinal);
        Assert.Matches(@"about [0-9,]+ days \([0-9.]+ weeks\)", warning);
    }

    [Fact]
    public async Task ChooseCampaign_EnoughTraffic_ShowsTheDurationWithoutWarning()
    {
        var cut = await RenderWithCampaignAsync(_campaign);

        var perDay = cut.FindComponent<MudNumericField<long?>>();
        await cut.InvokeAsync(() => perDay.Instance.ValueChanged.InvokeAsync(100_000));

        cut.WaitForAssertion(() => Assert.Contains("at 100,000 shoppers per day", cut.Find("[data-testid='plan-result']").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid='plan-duration-warning']"));
    }

    [Fact]
    public async Task ChooseCampaign_WithoutHistory_SaysTheBaselineIsAssumed()
    {
        var cut = await RenderWithCampaignAsync(_quietCampaign);

        var assumed = cut.Find("[data-testid='plan-assumed']").TextContent;
        Assert.Contains("No traffic history", assumed, StringComparison.Ordinal);
        Assert.Contains("assumed to be 3 %", assumed, StringComparison.Ordinal);
        var assumedPlan = ExperimentPlanner.Plan(ExperimentPlanner.AssumedBaselineRate, 0.1, 0.05, 0.8, 2, null);
        Assert.StartsWith(assumedPlan.Sample.UnitsPerVariant.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " shoppers per variant", cut.Find("[data-testid='plan-result']").TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid='plan-no-duration']"));
    }

    [Fact]
    public async Task Create_AfterTypingTheEffect_StoresTheTypedEffect()
    {
        var cut = await RenderWithCampaignAsync(_campaign);
        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("Typed effect"));

        var effect = cut.FindComponent<SampleSizeCalculator>().FindComponents<MudNumericField<double>>()[1];
        await cut.InvokeAsync(() => effect.Instance.ValueChanged.InvokeAsync(20.0));
        cut.WaitForAssertion(() => Assert.Contains("20 % relative lift", cut.Find("[data-testid='plan-kept']").TextContent, StringComparison.Ordinal));
        cut.Find("button[data-testid='new-create']").Click();

        var navigation = _ui.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches("/experiments/[0-9]+$", navigation.Uri));
        await using var db = _db.Open();
        var stored = await db.Experiments.SingleAsync(e => e.Name == "Typed effect");
        Assert.Equal(0.2, stored.MinimumDetectableEffect, 9);
        Assert.Equal(ExperimentPlanner.Plan(0.1, 0.2, 0.05, 0.8, 2, 7).Sample.UnitsPerVariant, stored.PlannedUnitsPerVariant);
    }

    [Fact]
    public async Task Create_WithAnEffectThatCannotBePlanned_RefusesRatherThanStoringTheDefault()
    {
        var cut = await RenderWithCampaignAsync(_campaign);
        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("Zero effect"));

        var effect = cut.FindComponent<SampleSizeCalculator>().FindComponents<MudNumericField<double>>()[1];
        await cut.InvokeAsync(() => effect.Instance.ValueChanged.InvokeAsync(0.0));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='plan-error']")));
        cut.Find("button[data-testid='new-create']").Click();

        cut.WaitForAssertion(() => Assert.Contains("plan has an error", cut.Find("[data-testid='new-error']").TextContent, StringComparison.Ordinal));
        await using var db = _db.Open();
        Assert.Equal(0, await db.Experiments.CountAsync());
    }

    [Fact]
    public async Task Create_ArmOfAnotherPlacement_ShowsTheArmErrorAndSavesNothing()
    {
        var cut = await RenderWithCampaignAsync(_campaign);
        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("Mixed sizes"));

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<int>>()[1].Instance.ValueChanged.InvokeAsync(_creatives[2]));
        cut.WaitForAssertion(() => Assert.Contains("728×90 leaderboard does not fit", cut.Find("[data-arm='1']").GetAttribute("data-error"), StringComparison.Ordinal));
        cut.Find("button[data-testid='new-create']").Click();

        cut.WaitForAssertion(() => Assert.Contains("same size", cut.Find("[data-testid='new-error']").TextContent, StringComparison.Ordinal));
        await using var db = _db.Open();
        Assert.Equal(0, await db.Experiments.CountAsync());
    }

    [Fact]
    public async Task Arms_LongCreativeName_KeepsTheFullNameAsTooltipAndDefaultArmsFitOnePlacement()
    {
        var cut = await RenderWithCampaignAsync(_campaign);

        var rows = cut.FindAll("[data-testid='arm-row']");
        Assert.Equal(2, rows.Count);
        Assert.Contains(LongName, rows[0].QuerySelector(".arm-creative")!.GetAttribute("title"), StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Null(r.GetAttribute("data-error")));
        Assert.DoesNotContain(_creatives[2].ToString(System.Globalization.CultureInfo.InvariantCulture), rows.Select(r => r.GetAttribute("data-creative")));
    }
}
