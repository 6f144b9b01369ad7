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
using Microsoft.Extensions.Options;

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
    public void RegisterSchedules_EmptyRetentionCron_RemovesTheRecurringJob()
    {
        // A launcher of the running app whose settings differ only in an empty Pipeline:RetentionCron, as after a restart
        // with that setting (on PostgreSQL the job storage, and the recurring job in it, outlives the restart).
        var own = app.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var emptied = new PipelineOptions { RollupCron = own.RollupCron, ProfileCron = own.ProfileCron, TrainCron = own.TrainCron, ScoreCron = own.ScoreCron, RetentionCron = "" };
        using var launcher = ActivatorUtilities.CreateInstance<PipelineLauncher>(app.Services, Options.Create(emptied));
        Assert.NotNull(RecurringJob(app, PipelineSteps.Retention));
        try
        {
            launcher.RegisterSchedules();

            Assert.Null(RecurringJob(app, PipelineSteps.Retention));
            Assert.DoesNotContain(launcher.Schedules(), s => s.Step == PipelineSteps.Retention);
        }
        finally
        {
            // Back to the shared app's own schedules.
            app.Services.GetRequiredService<PipelineLauncher>().RegisterSchedules();
        }

        Assert.NotNull(RecurringJob(app, PipelineSteps.Retention));
    }

    private static RecurringJobDto? RecurringJob(AppHost host, string id)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().FirstOrDefault(j => j.Id == id);
    }
}
