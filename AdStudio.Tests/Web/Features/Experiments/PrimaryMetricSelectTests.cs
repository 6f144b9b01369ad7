using AdStudio.Core.Campaigns;
using AdStudio.Core.Experiments.Results;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Experiments;
using Bunit;
using MudBlazor;
using MudBlazor.Extensions;

namespace AdStudio.Tests.Web.Features.Experiments;

public sealed class PrimaryMetricSelectTests : IAsyncLifetime
{
    private BunitContext _ui = null!;

    public Task InitializeAsync()
    {
        _ui = UiTestContext.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Theory]
    [InlineData(CampaignObjective.Clicks, MetricKey.Ctr)]
    [InlineData(CampaignObjective.Conversions, MetricKey.ConversionRate)]
    [InlineData(CampaignObjective.Revenue, MetricKey.RevenuePerShopper)]
    public void Render_NothingChosen_ShowsTheObjectivesDefault(CampaignObjective objective, string expected)
    {
        var cut = _ui.Render<PrimaryMetricSelect>(p => p.Add(c => c.Objective, objective));

        Assert.Equal(expected, cut.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));
    }

    [Fact]
    public async Task Choose_AnotherMetric_ReportsItAndTheDefaultAsNull()
    {
        var chosen = new List<string?>();
        var cut = _ui.Render<PrimaryMetricSelect>(p => p.Add(c => c.Objective, CampaignObjective.Conversions).Add(c => c.ValueChanged, (string? v) => chosen.Add(v)));
        var select = cut.FindComponent<MudSelect<string>>();

        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(MetricKey.Roi));
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(MetricKey.ConversionRate));

        Assert.Equal([MetricKey.Roi, null], chosen);
    }
}
