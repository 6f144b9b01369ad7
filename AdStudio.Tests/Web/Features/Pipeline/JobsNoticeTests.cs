using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Segments;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Pipeline;
using AdStudio.Web.Features.Segments;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Pipeline;

/// <summary>Pages that start a step follow its run on the ledger and show how it ended, without a reload.</summary>
[Collection(RunningApp.Name)]
public sealed class JobsNoticeTests(AppHost app) : IAsyncLifetime
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);
    private BunitContext _ui = null!;

    public Task InitializeAsync()
    {
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(app.Services.GetRequiredService<PipelineLedger>());
            services.AddSingleton(app.Services.GetRequiredService<PipelineLauncher>());
            services.AddSingleton(app.Services.GetRequiredService<IOptions<PipelineOptions>>());
            services.AddSingleton(app.Services.GetRequiredService<IDbContextFactory<AdStudioDb>>());
            services.AddSingleton(app.Services.GetRequiredService<SegmentService>());
            services.AddSingleton(TimeProvider.System);
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ui.DisposeAsync();

    [Fact]
    public void Jobs_StartedRunEnds_NoticeTurnsIntoFinished()
    {
        var cut = _ui.Render<Jobs>();

        // The page lists the steps after its first load (a database round trip, slower on PostgreSQL).
        cut.WaitForElement($"[data-step='{PipelineSteps.Rollup}']", RunTimeout).Click();
        cut.WaitForAssertion(() => Assert.Contains("is queued", cut.Find("[data-testid='jobs-notice']").TextContent, StringComparison.Ordinal));

        cut.WaitForAssertion(
            () => Assert.Equal("succeeded", cut.Find("[data-testid='jobs-notice']").GetAttribute("data-notice-state")),
            RunTimeout);
        Assert.Matches("Run #[0-9]+ \\(rollup\\) finished", cut.Find("[data-testid='jobs-notice']").TextContent);
    }

    [Fact]
    public void Clusters_RunEnds_ShowsTheNewClustersWithoutReload()
    {
        var cut = _ui.Render<Clusters>();
        var before = cut.FindAll("[data-testid='clusters-run-at']").SingleOrDefault()?.GetAttribute("data-run-at");

        cut.Find("[data-testid='run-clustering']").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='clusters-notice']")));

        cut.WaitForAssertion(
            () => Assert.Equal("succeeded", cut.Find("[data-testid='clusters-notice']").GetAttribute("data-notice-state")),
            RunTimeout);
        var after = cut.Find("[data-testid='clusters-run-at']").GetAttribute("data-run-at");
        Assert.NotEqual(before, after);
        Assert.NotEmpty(cut.FindAll("[data-testid='clusters'] tbody tr"));
    }
}
