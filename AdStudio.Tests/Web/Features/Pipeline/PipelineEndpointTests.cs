using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Pipeline;

[Collection(RunningApp.Name)]
public sealed class PipelineEndpointTests(AppHost app)
{
    [Fact]
    public async Task StartRollup_AnswersRunId_AndRunSucceeds()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/pipeline/rollup", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>();
        var runId = started.GetProperty("runId").GetInt32();
        Assert.Equal($"/api/pipeline/runs/{runId}", response.Headers.Location?.ToString());
        var run = await app.WaitForRunAsync(runId, TimeSpan.FromSeconds(60));
        Assert.Equal(("rollup", "succeeded", 100), (run.Step, run.Status, run.Progress));
        Assert.NotNull(run.StartedAt);
        Assert.True(run.FinishedAt >= run.StartedAt);
    }

    [Fact]
    public async Task GetRun_HasTheDocumentedFields()
    {
        using var client = app.CreateClient();
        var runs = await client.GetFromJsonAsync<JsonElement>("/api/pipeline/runs?limit=50");
        // The first-start seed is the oldest seed run; another test may have asked for a second one.
        var seed = runs.EnumerateArray().Where(r => r.GetProperty("step").GetString() == "seed").MinBy(r => r.GetProperty("id").GetInt32());

        var one = await client.GetFromJsonAsync<JsonElement>($"/api/pipeline/runs/{seed.GetProperty("id").GetInt32()}");

        foreach (var field in new[] { "id", "step", "status", "progress", "startedAt", "finishedAt", "message" })
        {
            Assert.True(one.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal("succeeded", one.GetProperty("status").GetString());
        Assert.Contains("600 shoppers", one.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartSeedAgain_DoesNothingTheSecondTime()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/pipeline/seed", null);
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt32();

        var run = await app.WaitForRunAsync(runId, TimeSpan.FromSeconds(60));
        Assert.Equal("succeeded", run.Status);
        Assert.Contains("nothing to do", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUnknownStep_AnswersProblemNamingKnownSteps()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/pipeline/launch-rockets", null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("rollup", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMissingRun_AnswersNotFoundProblem()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/pipeline/runs/987654");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task ListRuns_LimitOutOfRange_AnswersProblem(int limit)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/pipeline/runs?limit={limit}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
