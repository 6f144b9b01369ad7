using AdStudio.Core.Campaigns;
using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Shop;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Core.Experiments;

public sealed class ExperimentLifecycleTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private ExperimentLifecycle _lifecycle = null!;
    private int _campaignId;
    private int[] _creatives = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _lifecycle = new ExperimentLifecycle(_db.Factory, _clock);
        await using var db = _db.Open();
        var (campaign, creatives) = await ShopData.AddCampaignAsync(db, 3);
        _campaignId = campaign.Id;
        _creatives = [.. creatives.Select(c => c.Id)];
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private ExperimentDraft Draft(params ArmDraft[] arms) =>
        new(_campaignId, "Headline test", "Shorter wins", arms.Length > 0 ? arms : [new("Control", _creatives[0], 1), new("Short", _creatives[1], 1)]);

    [Fact]
    public async Task Lifecycle_DraftStartStop_RecordsTimesDecisionAndRationale()
    {
        var experiment = await _lifecycle.CreateAsync(Draft(), "maria", CancellationToken.None);
        await _lifecycle.StartAsync(experiment.Id, "maria", CancellationToken.None);
        var treatment = experiment.Variants.Single(v => !v.IsControl).Id;

        await _lifecycle.StopAsync(experiment.Id, ExperimentDecision.Ship(treatment), "Short headline won on CTR with 99 % chance.", "maria", CancellationToken.None);

        await using var db = _db.Open();
        var stored = await db.Experiments.Include(e => e.Variants).SingleAsync();
        Assert.Equal(ExperimentStatus.Stopped, stored.Status);
        Assert.Equal(_clock.Now.UtcDateTime, stored.StartedAt);
        Assert.Equal(treatment, ExperimentDecision.ShippedVariant(stored.Decision));
        Assert.Equal("Ship Short", ExperimentDecision.Describe(stored));
        Assert.True(stored.Variants.Single(v => v.Name == "Control").IsControl);
        var audit = await db.AuditEntries.Where(a => a.EntityType == "experiment" && a.EntityId == experiment.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["created", "started", "stopped"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("maria", a.Actor));
        Assert.StartsWith($"ship:{treatment}: Short headline won", audit[2].Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CampaignObjective.Clicks, null, MetricKey.Ctr)]
    [InlineData(CampaignObjective.Conversions, null, MetricKey.ConversionRate)]
    [InlineData(CampaignObjective.Revenue, null, MetricKey.RevenuePerShopper)]
    [InlineData(CampaignObjective.Clicks, MetricKey.Roi, MetricKey.Roi)]
    public async Task Create_PrimaryMetric_IsChosenOrTheObjectivesDefault(CampaignObjective objective, string? chosen, string expected)
    {
        await using (var db = _db.Open())
        {
            (await db.Campaigns.SingleAsync(c => c.Id == _campaignId)).Objective = objective;
            await db.SaveChangesAsync();
        }

        var experiment = await _lifecycle.CreateAsync(Draft() with { PrimaryMetric = chosen }, "maria", CancellationToken.None);

        await using var check = _db.Open();
        Assert.Equal(expected, (await check.Experiments.SingleAsync(e => e.Id == experiment.Id)).PrimaryMetric);
    }

    [Fact]
    public async Task Create_UnknownPrimaryMetric_IsRefusedNamingTheKeys()
    {
        var error = await Assert.ThrowsAsync<ExperimentRuleException>(() =>
            _lifecycle.CreateAsync(Draft() with { PrimaryMetric = "clicks" }, "maria", CancellationToken.None));

        Assert.Contains("conversion_rate, ctr, revenue_per_shopper, roi", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateWeights_RunningExperiment_IsRefused()
    {
        var experiment = await _lifecycle.CreateAsync(Draft(), "maria", CancellationToken.None);
        await _lifecycle.UpdateWeightsAsync(experiment.Id, experiment.Variants.ToDictionary(v => v.Id, _ => 2.0), "maria", CancellationToken.None);
        await _lifecycle.StartAsync(experiment.Id, "maria", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ExperimentRuleException>(() =>
            _lifecycle.UpdateWeightsAsync(experiment.Id, experiment.Variants.ToDictionary(v => v.Id, _ => 3.0), "maria", CancellationToken.None));

        Assert.Contains("Start a new experiment", error.Message, StringComparison.Ordinal);
        await using var db = _db.Open();
        Assert.All(await db.Variants.ToListAsync(), v => Assert.Equal(2.0, v.Weight));
    }

    [Fact]
    public async Task Start_SecondExperimentOnSameCampaign_IsRefused()
    {
        var first = await _lifecycle.CreateAsync(Draft(), "maria", CancellationToken.None);
        var second = await _lifecycle.CreateAsync(Draft(new ArmDraft("Control", _creatives[0], 1), new ArmDraft("Other", _creatives[2], 1)), "maria", CancellationToken.None);
        await _lifecycle.StartAsync(first.Id, "maria", CancellationToken.None);

        await Assert.ThrowsAsync<ExperimentRuleException>(() => _lifecycle.StartAsync(second.Id, "maria", CancellationToken.None));
    }

    [Fact]
    public async Task Stop_WithoutRationaleOrWithControlAsShip_IsRefused()
    {
        var experiment = await _lifecycle.CreateAsync(Draft(), "maria", CancellationToken.None);
        await _lifecycle.StartAsync(experiment.Id, "maria", CancellationToken.None);
        var control = experiment.Variants.Single(v => v.IsControl).Id;

        await Assert.ThrowsAsync<ExperimentRuleException>(() => _lifecycle.StopAsync(experiment.Id, ExperimentDecision.Inconclusive, " ", "maria", CancellationToken.None));
        await Assert.ThrowsAsync<ExperimentRuleException>(() => _lifecycle.StopAsync(experiment.Id, ExperimentDecision.Ship(control), "why", "maria", CancellationToken.None));
        await Assert.ThrowsAsync<ExperimentRuleException>(() => _lifecycle.StopAsync(experiment.Id, "maybe", "why", "maria", CancellationToken.None));
    }

    [Theory]
    [InlineData("one-arm")]
    [InlineData("zero-weight")]
    [InlineData("same-creative")]
    [InlineData("foreign-creative")]
    public async Task Create_BadArms_AreRefusedWithReason(string problem)
    {
        ArmDraft[] arms = problem switch
        {
            "one-arm" => [new("Control", _creatives[0], 1)],
            "zero-weight" => [new("Control", _creatives[0], 1), new("B", _creatives[1], 0)],
            "same-creative" => [new("Control", _creatives[0], 1), new("B", _creatives[0], 1)],
            _ => [new("Control", _creatives[0], 1), new("B", 9999, 1)],
        };

        await Assert.ThrowsAsync<ExperimentRuleException>(() => _lifecycle.CreateAsync(Draft(arms), "maria", CancellationToken.None));
        await using var db = _db.Open();
        Assert.Equal(0, await db.Experiments.CountAsync());
    }

    [Fact]
    public async Task Create_ArmOfAnotherPlacementSize_IsRefusedNamingTheArm()
    {
        int banner;
        await using (var db = _db.Open())
        {
            var creative = await db.Creatives.FindAsync(_creatives[2]);
            (creative!.Width, creative.Height) = (728, 90);
            await db.SaveChangesAsync();
            banner = creative.Id;
        }

        var error = await Assert.ThrowsAsync<ExperimentRuleException>(() => _lifecycle.CreateAsync(
            Draft(new("Control", _creatives[0], 1), new("B", _creatives[1], 1), new("Banner", banner, 1)), "maria", CancellationToken.None));

        Assert.Equal("arms[2].creativeId", error.Field);
        Assert.Contains("728×90", error.Message, StringComparison.Ordinal);
        Assert.Contains("300×250", error.Message, StringComparison.Ordinal);
        await using var check = _db.Open();
        Assert.Equal(0, await check.Experiments.CountAsync());
    }

    [Fact]
    public async Task Create_WithTypedEffect_StoresThatEffect()
    {
        var experiment = await _lifecycle.CreateAsync(Draft() with { MinimumDetectableEffect = 0.2 }, "maria", CancellationToken.None);

        await using var db = _db.Open();
        Assert.Equal(0.2, (await db.Experiments.SingleAsync(e => e.Id == experiment.Id)).MinimumDetectableEffect);
    }
}
