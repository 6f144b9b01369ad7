using AdStudio.Core.Accounts;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Privacy;
using AdStudio.Core.Privacy.Consent;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Pipeline;
using AdStudio.Web.Features.Privacy;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Privacy;

/// <summary>The Privacy page's retention and consent sections, and retention on the Jobs page, against the running app's data.</summary>
[Collection(RunningApp.Name)]
public sealed class RetentionStatusTests(AppHost app)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RetentionStatus_SettingsAndSchedule_ShowsDaysCutoffsAndCron()
    {
        await using var ui = Context(new PrivacyOptions { BehaviourRetentionDays = 30, AdEventRetentionDays = 400 });

        var cut = ui.Render<RetentionStatus>();

        Assert.Equal("2026-10-31", cut.Find("[data-retention='behaviour'] [data-cutoff]").GetAttribute("data-cutoff"));
        Assert.Equal("2025-10-26", cut.Find("[data-retention='ad'] [data-cutoff]").GetAttribute("data-cutoff"));
        Assert.Contains("30 3 * * *", cut.Find("[data-testid='retention-schedule']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionStatus_NotAnAdmin_HasNoRunNowButton()
    {
        await using var ui = Context(new PrivacyOptions(), Roles.Marketer);

        var cut = ui.Render<RetentionStatus>();

        Assert.Empty(cut.FindAll("[data-testid='retention-run-now']"));
    }

    [Fact]
    public async Task RetentionStatus_RunNow_FollowsTheRunToItsDeletedCounts()
    {
        await using var ui = Context(new PrivacyOptions());
        var cut = ui.Render<RetentionStatus>();

        await cut.Find("[data-testid='retention-run-now']").ClickAsync(new());

        cut.WaitForAssertion(
            () => Assert.Equal("succeeded", cut.Find("[data-testid='retention-last-run']").GetAttribute("data-run-status")),
            TimeSpan.FromSeconds(60));
        Assert.StartsWith("Deleted 0 behaviour events", cut.Find("[data-testid='retention-message']").TextContent.Trim(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var newest = await db.PipelineRuns.Where(r => r.Step == PipelineSteps.Retention).OrderByDescending(r => r.Id).FirstAsync();
        Assert.Contains($"Last run #{newest.Id}", cut.Find("[data-testid='retention-last-run']").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Marketer, false)]
    public async Task Jobs_RetentionButton_OnlyForAdmins(string role, bool shown)
    {
        await using var ui = Context(new PrivacyOptions(), role);

        var cut = ui.Render<Jobs>();

        var buttons = cut.FindAll($"[data-step='{PipelineSteps.Retention}']");
        Assert.Equal(shown, buttons.Count == 1);
        if (shown)
        {
            Assert.Equal("Delete expired events", buttons[0].TextContent.Trim());
        }
    }

    [Fact]
    public async Task ConsentShares_NoRecords_ShowsTheEmptyState()
    {
        await using var empty = await TestDatabase.CreateAsync();
        await using var ui = UiTestContext.Create(services => services.AddSingleton(new ConsentShareService(empty.Factory, new FixedClock(Now))));

        var cut = ui.Render<ConsentShares>();

        cut.WaitForElement("[data-testid='consent-shares-empty']", TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("[data-chart]"));
    }

    [Fact]
    public async Task ConsentShares_Records_ChartsThemWithTodaysShares()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            db.ConsentRecords.AddRange(
                ShopperConsent.Record("A", true, true, Now.UtcDateTime.AddDays(-3)),
                ShopperConsent.Record("B", false, true, Now.UtcDateTime.AddDays(-2)),
                ShopperConsent.Record("C", false, false, Now.UtcDateTime.AddDays(-1)));
            await db.SaveChangesAsync();
        }

        await using var ui = UiTestContext.Create(services => services.AddSingleton(new ConsentShareService(database.Factory, new FixedClock(Now))));

        var cut = ui.Render<ConsentShares>();

        var latest = cut.WaitForElement("[data-testid='consent-shares-latest']", TimeSpan.FromSeconds(10));
        Assert.Equal(("3", "1", "2"), (latest.GetAttribute("data-shoppers"), latest.GetAttribute("data-personalisation"), latest.GetAttribute("data-measurement")));
        Assert.Contains("<svg", cut.Find("[data-chart='Consent shares over time']").InnerHtml, StringComparison.Ordinal);
    }

    private Bunit.BunitContext Context(PrivacyOptions privacy, params string[] roles) => UiTestContext.Create(
        services =>
        {
            services.AddSingleton(app.Services.GetRequiredService<PipelineLedger>());
            services.AddSingleton(app.Services.GetRequiredService<PipelineLauncher>());
            services.AddSingleton(app.Services.GetRequiredService<IOptions<PipelineOptions>>());
            services.AddSingleton(Options.Create(privacy));
            services.AddSingleton<TimeProvider>(new FixedClock(Now));
        },
        roles);

}
