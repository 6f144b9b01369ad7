using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Accounts;
using AdStudio.Core.Pipeline;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Pipeline;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Privacy;

/// <summary>The retention step in the running app: who may start it, and its daily schedule.</summary>
[Collection(RunningApp.Name)]
public sealed class RetentionPipelineTests(AppHost app)
{
    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Analyst)]
    public async Task StartRetention_NotAnAdmin_AnswersForbiddenProblem(string role)
    {
        using var client = await TestUsers.ClientAsync(app, role);

        using var response = await client.PostAsync("/api/pipeline/retention", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StartRetention_Admin_RunSucceedsWithTheDeletedCountsInItsMessage()
    {
        using var client = await TestUsers.ClientAsync(app, Roles.Admin);

        using var response = await client.PostAsync("/api/pipeline/retention", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt32();
        var run = await app.WaitForRunAsync(runId, TimeSpan.FromSeconds(60));
        Assert.Equal(("retention", "succeeded", 100), (run.Step, run.Status, run.Progress));
        // The demo's week of events is well inside the 395 days.
        Assert.StartsWith("Deleted 0 behaviour events before ", run.Message, StringComparison.Ordinal);
        Assert.Contains(" and 0 ad events before ", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedules_DefaultSettings_RegisterRetentionDailyAtHalfPastThree()
    {
        var launcher = app.Services.GetRequiredService<PipelineLauncher>();

        var schedule = Assert.Single(launcher.Schedules(), s => s.Step == PipelineSteps.Retention);

        Assert.Equal("30 3 * * *", schedule.Cron);
        Assert.Equal("30 3 * * *", RecurringJob(app, PipelineSteps.Retention)?.Cron);
    }

    [Fact]
    public async Task RegisterSchedules_EmptyRetentionCron_RemovesTheRecurringJob()
    {
        var quiet = new AppHost(new Dictionary<string, string> { ["Demo:Enabled"] = "false", ["Pipeline:RetentionCron"] = "" });
        try
        {
            await quiet.InitializeAsync();
            AssertRemovesRetention(quiet);
        }
        finally
        {
            await quiet.DisposeAsync();
        }
    }

    private static void AssertRemovesRetention(AppHost quiet)
    {
        // As an earlier start with a cron would have left it in the (shared, on PostgreSQL) job storage.
        quiet.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<PipelineJob>(PipelineSteps.Retention, job => job.RunScheduledAsync(PipelineSteps.Retention, null, CancellationToken.None), "30 3 * * *");
        Assert.NotNull(RecurringJob(quiet, PipelineSteps.Retention));
        var launcher = quiet.Services.GetRequiredService<PipelineLauncher>();

        launcher.RegisterSchedules();

        Assert.Null(RecurringJob(quiet, PipelineSteps.Retention));
        Assert.DoesNotContain(launcher.Schedules(), s => s.Step == PipelineSteps.Retention);
        Assert.Contains(launcher.Schedules(), s => s.Step == PipelineSteps.Rollup);
    }

    private static RecurringJobDto? RecurringJob(AppHost host, string id)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().FirstOrDefault(j => j.Id == id);
    }
}
