using AdStudio.Core.Experiments.Results;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Experiments;
using Bunit;

namespace AdStudio.Tests.Web.Features.Experiments;

public sealed class VerdictLineTests : IAsyncLifetime
{
    private BunitContext _ui = null!;

    public Task InitializeAsync()
    {
        _ui = UiTestContext.Create();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public void Render_Winner_ShowsTheLineTheThumbnailAndThePrimaryMetricDefinition()
    {
        var verdict = new ExperimentVerdict(VerdictKind.TreatmentWins, "Treatment 'Spring sale' wins on CTR: +12.3 % relative, 97.5 % chance to win, p = 0.004.", MetricKey.Ctr, 11, 0);

        var cut = _ui.Render<VerdictLine>(p => p.Add(c => c.Verdict, verdict).Add(c => c.ImageUrl, "/img/spring.png"));

        Assert.Equal("TreatmentWins", cut.Find("[data-testid='verdict']").GetAttribute("data-verdict"));
        Assert.Equal(verdict.Text, cut.Find("[data-testid='verdict-text']").TextContent.Trim());
        Assert.Equal("/img/spring.png", cut.Find("[data-arm-thumb]").GetAttribute("src"));
        Assert.Contains("Clicks ÷ impressions.", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("guardrails", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KeepRunning_ShowsTheDaysAndNoThumbnail()
    {
        var verdict = new ExperimentVerdict(VerdictKind.KeepRunning, "No decision yet on Shopper conversion: about 15 more days at current traffic.", MetricKey.ConversionRate, null, 15);

        var cut = _ui.Render<VerdictLine>(p => p.Add(c => c.Verdict, verdict));

        Assert.Equal("15", cut.Find("[data-testid='verdict']").GetAttribute("data-days-to-go"));
        Assert.Contains("about 15 more days", cut.Find("[data-testid='verdict-text']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-arm-thumb]"));
    }
}
