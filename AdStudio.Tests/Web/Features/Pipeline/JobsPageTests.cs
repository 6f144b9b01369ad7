using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Pipeline;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Pipeline;

[Collection(RunningApp.Name)]
public sealed class JobsPageTests(AppHost app) : IAsyncLifetime
{
    private BunitContext _context = null!;

    public Task InitializeAsync()
    {
        _context = UiTestContext.Create(services =>
        {
            services.AddSingleton(app.Services.GetRequiredService<PipelineLedger>());
            services.AddSingleton(app.Services.GetRequiredService<PipelineLauncher>());
            services.AddSingleton(app.Services.GetRequiredService<IOptions<PipelineOptions>>());
            services.AddSingleton(TimeProvider.System);
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData("admin", true, true)]
    [InlineData("marketer", false, true)]
    [InlineData("analyst", false, false)]
    public async Task Jobs_StepButtons_FollowTheRole(string role, bool seeSeed, bool seeRollup)
    {
        await using var ui = UiTestContext.Create(
            services =>
            {
                services.AddSingleton(app.Services.GetRequiredService<PipelineLedger>());
                services.AddSingleton(app.Services.GetRequiredService<PipelineLauncher>());
                services.AddSingleton(app.Services.GetRequiredService<IOptions<PipelineOptions>>());
                services.AddSingleton(TimeProvider.System);
            },
            role);

        var cut = ui.Render<Jobs>();

        Assert.Equal(seeSeed, cut.FindAll($"[data-step='{PipelineSteps.Seed}']").Count == 1);
        Assert.Equal(seeRollup, cut.FindAll($"[data-step='{PipelineSteps.Rollup}']").Count == 1);
    }

    [Fact]
    public async Task Jobs_InterruptedRun_ShowsAttemptOfMaxInterruptionAndFirstStart()
    {
        var firstStart = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
        await using (var db = app.OpenDb())
        {
            db.PipelineRuns.Add(new PipelineRun
            {
                Step = PipelineSteps.Cluster,
                Status = PipelineRunStatus.Succeeded,
                Progress = 100,
                QueuedAt = firstStart,
                StartedAt = firstStart,
                InterruptedAt = firstStart.AddMinutes(3),
                AttemptStartedAt = firstStart.AddMinutes(4),
                FinishedAt = firstStart.AddMinutes(5),
                Attempt = 2,
                Message = "Clustered.",
            });
            await db.SaveChangesAsync();
        }

        var cut = _context.Render<Jobs>();

        // The runs arrive after the first render (a database round trip, slower on PostgreSQL).
        var newest = cut.WaitForElement("[data-testid='runs'] tbody tr", TimeSpan.FromSeconds(10));
        Assert.Equal("attempt 2 of 3", newest.QuerySelector("[data-run-attempt]")!.TextContent.Trim());
        Assert.Contains("interrupted 2026-11-20 08:03:00 UTC", newest.QuerySelector("[data-run-interrupted]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 08:00:00 UTC", newest.TextContent, StringComparison.Ordinal);
        // Duration counts the current attempt only, not the time the app was down.
        Assert.Contains("1 min 0 s", newest.TextContent, StringComparison.Ordinal);
    }
}
