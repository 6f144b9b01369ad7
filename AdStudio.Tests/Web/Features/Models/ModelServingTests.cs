using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Models;

/// <summary>Training through the API, then /serve scoring with the active models, hot swaps and a corrupt model file.</summary>
public sealed class ModelServingTests(TrainedAppHost host) : IClassFixture<TrainedAppHost>
{
    private AppHost App => host.App;

    [Fact]
    public async Task Train_ThenList_ShowsEveryVersionWithMetrics_AndServeScoresWithTheActiveModel()
    {
        await host.EnsureTrainedAsync();
        using var client = App.CreateClient();

        var models = await client.GetFromJsonAsync<JsonElement>("/api/models");
        var ctr = models.EnumerateArray().Where(m => m.GetProperty("kind").GetString() == "ctr").ToList();
        Assert.Equal(["lightgbm", "logistic_regression"], ctr.Select(m => m.GetProperty("trainer").GetString()).Order());
        Assert.True(ctr.Count(m => m.GetProperty("status").GetString() == "active") == 1, host.TrainingMessage);
        var active = ctr.Single(m => m.GetProperty("status").GetString() == "active");
        foreach (var field in new[] { "auc", "logLoss", "oracleAuc", "oracleLogLoss" })
        {
            Assert.InRange(active.GetProperty(field).GetDouble(), 0.0001, 1);
        }

        Assert.True(active.GetProperty("rows").GetInt64() >= 200);
        var activeId = active.GetProperty("id").GetInt32();
        await WaitForServingAsync(client, activeId);

        var served = await ServeAsync(client, "shopper-000001");
        Assert.Equal(activeId, served.GetProperty("explanation").GetProperty("ctrModelId").GetInt32());
        var pctr = served.GetProperty("explanation").GetProperty("pCtr").GetDouble();
        Assert.InRange(pctr, 1e-6, 0.5);
    }

    [Fact]
    public async Task PromoteAndRollBack_UnderConcurrentServe_SwapModelsWithoutAFailedRequest()
    {
        await host.EnsureTrainedAsync();
        using var client = App.CreateClient();
        var (activeId, candidateId) = await ActiveAndCandidateAsync(client);
        await WaitForServingAsync(client, activeId);

        var statuses = new ConcurrentBag<HttpStatusCode>();
        var modelIds = new ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            using var c = App.CreateClient();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                using var response = await c.PostAsJsonAsync("/serve", new { shopperId = $"shopper-{1 + (worker * 97) + (i % 500):D6}", placement = "sidebar" });
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    modelIds.Add(body.GetProperty("explanation").GetProperty("ctrModelId").GetInt32());
                }
            }
        })).ToArray();

        using (var promoted = await client.PostAsync($"/api/models/{candidateId}/promote", null))
        {
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        }

        await WaitForServingAsync(client, candidateId);
        await Task.Delay(300);
        using (var rolledBack = await client.PostAsync("/api/models/ctr/rollback", null))
        {
            Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
            Assert.Equal(activeId, (await rolledBack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }

        await WaitForServingAsync(client, activeId);
        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(statuses.Count > 50, $"only {statuses.Count} requests");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(candidateId, modelIds);
        Assert.Contains(activeId, modelIds);
        await using var db = App.OpenDb();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == "model" && e.Actor == TestCredentials.AdminEmail));
    }

    [Fact]
    public async Task Promote_CorruptModelFile_IsReportedAndServingKeepsThePreviousModel()
    {
        await host.EnsureTrainedAsync();
        using var client = App.CreateClient();
        var (activeId, candidateId) = await ActiveAndCandidateAsync(client);
        await WaitForServingAsync(client, activeId);
        string file;
        await using (var db = App.OpenDb())
        {
            file = (await db.ModelVersions.SingleAsync(v => v.Id == candidateId)).FileName;
        }

        // Through the app's file store: the data folder on SQLite, the database on PostgreSQL.
        var store = App.Services.GetRequiredService<IFileStore>();
        var path = ModelFiles.StorePathOf(file);
        var original = (await store.ReadAsync(path, CancellationToken.None))!;
        try
        {
            await store.WriteAsync(path, "this is not a model"u8.ToArray(), CancellationToken.None);
            using var promoted = await client.PostAsync($"/api/models/{candidateId}/promote", null);
            Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);

            var serving = await client.GetFromJsonAsync<JsonElement>("/api/models/serving");
            var problem = Assert.Single(serving.GetProperty("problems").EnumerateArray());
            Assert.Equal(candidateId, problem.GetProperty("modelId").GetInt32());
            Assert.Equal(activeId, problem.GetProperty("servingModelId").GetInt32());
            Assert.Contains("cannot be read", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(activeId, serving.GetProperty("ctrModelId").GetInt32());
            var served = await ServeAsync(client, "shopper-000002");
            Assert.Equal(activeId, served.GetProperty("explanation").GetProperty("ctrModelId").GetInt32());
        }
        finally
        {
            await store.WriteAsync(path, original, CancellationToken.None);
            using var back = await client.PostAsync($"/api/models/{activeId}/promote", null);
        }
    }

    [Fact]
    public async Task Score_ThroughThePipelineApi_StoresPredictedAudiences()
    {
        await host.EnsureTrainedAsync();
        using var client = App.CreateClient();

        using var started = await client.PostAsync("/api/pipeline/score", null);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt32();
        var run = await App.WaitForRunAsync(runId, TimeSpan.FromSeconds(120));

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.True(run.Status == "succeeded", run.Message);
        Assert.StartsWith("Scored", run.Message, StringComparison.Ordinal);
        await using var db = App.OpenDb();
        Assert.True(await db.CampaignAudiences.AnyAsync());
        Assert.True(await db.CampaignAudienceMembers.AnyAsync());
    }

    [Fact]
    public async Task RegistryActions_BadInput_GetProblemDetails()
    {
        using var client = App.CreateClient();

        using var missing = await client.PostAsync("/api/models/99999/promote", null);
        using var badKind = await client.PostAsync("/api/models/banana/rollback", null);

        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(badKind, HttpStatusCode.BadRequest);
    }

    private static async Task<(int Active, int Candidate)> ActiveAndCandidateAsync(HttpClient client)
    {
        var models = (await client.GetFromJsonAsync<JsonElement>("/api/models")).EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "ctr").ToList();
        var active = models.Single(m => m.GetProperty("status").GetString() == "active").GetProperty("id").GetInt32();
        var other = models.First(m => m.GetProperty("status").GetString() != "active").GetProperty("id").GetInt32();
        return (active, other);
    }

    private static async Task<JsonElement> ServeAsync(HttpClient client, string shopperId)
    {
        using var response = await client.PostAsJsonAsync("/serve", new { shopperId, placement = "sidebar" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task WaitForServingAsync(HttpClient client, int ctrModelId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var serving = await client.GetFromJsonAsync<JsonElement>("/api/models/serving");
            if (serving.GetProperty("ctrModelId").ValueKind == JsonValueKind.Number && serving.GetProperty("ctrModelId").GetInt32() == ctrModelId)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"serving never picked up model {ctrModelId}: {serving}");
            await Task.Delay(100);
        }
    }
}
