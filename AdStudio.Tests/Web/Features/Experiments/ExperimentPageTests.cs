using AdStudio.Core.Events;
using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Results;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Experiments;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Variant = AdStudio.Core.Experiments.Variant;

namespace AdStudio.Tests.Web.Features.Experiments;

public sealed class ExperimentPageTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);
    private BunitContext _ui = null!;
    private TestDatabase _db = null!;
    private int _experimentId;
    private int[] _variants = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Start.AddDays(10))));
            services.AddSingleton<ExperimentResultsService>();
            services.AddSingleton<ExperimentLifecycle>();
        });
        _ui.JSInterop.Mode = JSRuntimeMode.Loose;
        await using var db = _db.Open();
        var (campaign, creatives) = await ShopData.AddCampaignAsync(db, 2);
        var experiment = new Experiment
        {
            CampaignId = campaign.Id,
            Name = "Short vs long headline",
            Status = ExperimentStatus.Running,
            StartedAt = Start,
            PlannedUnitsPerVariant = 1200,
            Sequential = false,
            Variants = [new Variant { Name = "Control", CreativeId = creatives[0].Id, Weight = 1, IsControl = true }, new Variant { Name = "Short", CreativeId = creatives[1].Id, Weight = 1 }],
        };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        _experimentId = experiment.Id;
        _variants = [.. experiment.Variants.OrderByDescending(v => v.IsControl).Select(v => v.Id)];
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task ExposeAsync(int arm, int shoppers, int converting, int days = 3)
    {
        var events = new List<AdEvent>();
        for (var i = 0; i < shoppers; i++)
        {
            var at = Start.AddDays(i % days).AddHours(12);
            var decision = $"d{arm}-{i}";
            events.Add(Event(AdEventType.Impression, decision, arm, i, at, 0.005, 0));
            if (i < converting)
            {
                events.Add(Event(AdEventType.Click, decision, arm, i, at.AddMinutes(1), 0.5, 0));
                events.Add(Event(AdEventType.Conversion, decision, arm, i, at.AddMinutes(9), 0, 40));
            }
        }

        await new EventStore(_db.Factory).WriteAsync(new EventBatch([], events), CancellationToken.None);
    }

    private AdEvent Event(AdEventType type, string decision, int arm, int i, DateTime at, double cost, double revenue) => new()
    {
        Type = type,
        DecisionId = decision,
        ShopperId = $"a{arm}-s{i}",
        CampaignId = 1,
        CreativeId = arm + 1,
        ExperimentId = _experimentId,
        VariantId = _variants[arm],
        Cost = cost,
        Revenue = revenue,
        OccurredAt = at,
    };

    private IRenderedComponent<ExperimentPage> Render() =>
        _ui.Render<ExperimentPage>(p => p.Add(c => c.Id, _experimentId));

    [Fact]
    public async Task ResultsPage_BalancedArms_ShowsMetricsLiftChartsAndProgress()
    {
        await ExposeAsync(0, 600, 18);
        await ExposeAsync(1, 600, 42);

        var cut = Render();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='results-table']")));
        Assert.Empty(cut.FindAll("[data-testid='srm-warning']"));
        Assert.Equal("3.00 %", cut.Find("tr[data-metric='conversion_rate'][data-variant='Control'] [data-value]").TextContent.Trim());
        Assert.Equal("7.00 %", cut.Find("tr[data-metric='conversion_rate'][data-variant='Short'] [data-value]").TextContent.Trim());
        Assert.StartsWith("+133.3 %", cut.Find("tr[data-metric='conversion_rate'][data-variant='Short'] [data-lift]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("50", cut.Find("[data-testid='sample-progress']").GetAttribute("data-progress"));
        Assert.Equal(2, cut.FindAll("figure[data-chart] svg").Count);
        Assert.Equal($"/api/experiments/{_experimentId}/results.csv", cut.Find("[data-testid='csv-export']").GetAttribute("href"));
    }

    [Fact]
    public async Task ResultsPage_ClearWinner_ShowsVerdictGuardrailsArmNamesAndRoiInPoints()
    {
        await ExposeAsync(0, 600, 18);
        await ExposeAsync(1, 600, 42);

        var cut = Render();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='verdict']")));
        // The campaign's objective is clicks, so the primary metric is CTR: 18 vs 42 clicks on 600 impressions each.
        Assert.Equal("TreatmentWins", cut.Find("[data-testid='verdict']").GetAttribute("data-verdict"));
        Assert.StartsWith("Treatment 'Short' wins on CTR: +133.3 % relative", cut.Find("[data-testid='verdict-text']").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["guardrail", "primary", "guardrail", "guardrail"], cut.FindAll("[data-metric-chip]").Select(e => e.GetAttribute("data-metric-chip")));
        var roi = cut.Find("tr[data-metric='roi'][data-variant='Short'] [data-lift]");
        Assert.Equal("absolute", roi.GetAttribute("data-lift-type"));
        Assert.Matches(@"^[+−]\d+\.\d pp \[", roi.TextContent.Trim());
        Assert.DoesNotContain("%", roi.TextContent, StringComparison.Ordinal);
        Assert.Equal("relative", cut.Find("tr[data-metric='ctr'][data-variant='Short'] [data-lift]").GetAttribute("data-lift-type"));
        // The control kept its placeholder name, so it reads as its creative; "Short" is the manager's own name.
        var names = cut.FindAll("[data-arm] [data-arm-name]").Select(e => e.GetAttribute("data-arm-name")).ToList();
        Assert.NotEqual("Control", names[0]);
        Assert.Equal("Short", names[1]);
        Assert.Equal(2, cut.FindAll("[data-arm] [data-arm-thumb]").Count);
    }

    [Fact]
    public async Task ResultsPage_SequentialPValueBesideConfidentChance_ExplainsTheDifferenceOnThoseRows()
    {
        await using (var db = _db.Open())
        {
            (await db.Experiments.SingleAsync()).Sequential = true;
            await db.SaveChangesAsync();
        }

        // 18 vs 30 of 600: about 96 % chance to win, but the always-valid p-value is still far above α.
        await ExposeAsync(0, 600, 18);
        await ExposeAsync(1, 600, 30);

        var cut = Render();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='chance-p-note']")));
        Assert.Contains("conservative early", cut.Find("[data-testid='chance-p-note']").TextContent, StringComparison.Ordinal);
        var ctr = cut.Find("tr[data-metric='ctr'][data-variant='Short']");
        Assert.NotNull(ctr.QuerySelector("[data-explain]"));
        Assert.Equal("KeepRunning", cut.Find("[data-testid='verdict']").GetAttribute("data-verdict"));
    }

    [Fact]
    public async Task ResultsPage_FewShoppers_SaysNotEnoughDataInsteadOfIntervals()
    {
        await ExposeAsync(0, 60, 2);
        await ExposeAsync(1, 60, 5);

        var cut = Render();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='verdict']")));
        Assert.Equal("NotEnoughData", cut.Find("[data-testid='verdict']").GetAttribute("data-verdict"));
        Assert.Equal(4, cut.FindAll("[data-not-enough]").Count);
        Assert.Empty(cut.FindAll("[data-lift]"));
    }

    [Fact]
    public async Task ResultsPage_ArmsOffTheirWeights_ShowsSampleRatioBanner()
    {
        await ExposeAsync(0, 600, 18);
        await ExposeAsync(1, 450, 18);

        var cut = Render();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='srm-warning']")));
        Assert.Contains("600 / 450", cut.Find("[data-testid='srm-warning']").TextContent, StringComparison.Ordinal);
        Assert.Equal("DoNotDecide", cut.Find("[data-testid='verdict']").GetAttribute("data-verdict"));
    }

    [Fact]
    public void ResultsPage_NoExposuresYet_ExplainsWhy()
    {
        var cut = Render();

        cut.WaitForAssertion(() => Assert.Contains("No exposed shoppers yet", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid='results-table']"));
    }

    [Fact]
    public async Task DecisionPanel_StopWithoutRationale_ShowsRuleAndKeepsRunning()
    {
        await ExposeAsync(0, 100, 3);
        await ExposeAsync(1, 100, 5);
        var cut = Render();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='stop-experiment']")));

        var choice = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => choice.Instance.ValueChanged.InvokeAsync(ExperimentDecision.Inconclusive));
        cut.Find("[data-testid='stop-experiment']").Click();

        cut.WaitForAssertion(() => Assert.Contains("rationale", cut.Find("[data-testid='decision-error']").TextContent, StringComparison.OrdinalIgnoreCase));
        await using var db = _db.Open();
        Assert.Equal(ExperimentStatus.Running, (await db.Experiments.SingleAsync()).Status);
    }

    [Fact]
    public async Task DecisionPanel_StopWithDecision_ShowsItAfterReload()
    {
        await ExposeAsync(0, 100, 3);
        await ExposeAsync(1, 100, 5);
        var cut = Render();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='stop-experiment']")));

        var choice = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => choice.Instance.ValueChanged.InvokeAsync(ExperimentDecision.Ship(_variants[1])));
        var rationale = cut.FindComponent<MudTextField<string>>();
        await cut.InvokeAsync(() => rationale.Instance.ValueChanged.InvokeAsync("Short wins on conversion rate."));
        cut.Find("[data-testid='stop-experiment']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Ship Short", cut.Find("[data-testid='decision-made']").TextContent.Trim()));
        Assert.Equal("stopped", cut.Find("[data-testid='experiment-status']").TextContent.Trim());
    }
}
