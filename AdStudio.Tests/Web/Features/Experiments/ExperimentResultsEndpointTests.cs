using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Experiments;

/// <summary>The demo seed runs one experiment on the first campaign; its results come through the API.</summary>
[Collection(RunningApp.Name)]
public sealed class ExperimentResultsEndpointTests(AppHost app)
{
    [Fact]
    public async Task Results_DemoExperiment_AnswersArmsMetricsAndSrm()
    {
        using var client = app.CreateClient();

        var r = await client.GetFromJsonAsync<JsonElement>("/api/experiments/1/results");

        Assert.Equal("running", r.GetProperty("status").GetString());
        var arms = r.GetProperty("arms").EnumerateArray().ToList();
        Assert.Equal(2, arms.Count);
        Assert.True(arms[0].GetProperty("isControl").GetBoolean());
        Assert.All(arms, a => Assert.True(a.GetProperty("units").GetInt64() > 0));
        // Both arms compete with one pooled score, so assignment alone decides the split: no mismatch.
        Assert.False(r.GetProperty("sampleRatioMismatch").GetBoolean(), $"SRM p = {r.GetProperty("sampleRatioPValue").GetDouble()}");
        Assert.Equal(
            ["conversion_rate", "ctr", "revenue_per_shopper", "roi"],
            r.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("key").GetString()));
        var ctrArms = r.GetProperty("metrics")[1].GetProperty("variants").EnumerateArray().ToList();
        if (!ctrArms[1].GetProperty("enoughData").GetBoolean())
        {
            // At the demo's realistic CTR (about 1 %) the small test demo may not have the minimum clicks per arm yet: then it says so.
            Assert.Contains(ctrArms, a => a.GetProperty("events").GetInt64() < 10);
        }
        else
        {
            var ctr = ctrArms[1].GetProperty("comparison");
            Assert.True(ctr.GetProperty("ciLow").GetDouble() < ctr.GetProperty("effect").GetDouble());
            Assert.InRange(ctr.GetProperty("pValue").GetDouble(), 0, 1);
        }
    }

    [Fact]
    public async Task ResultsCsv_DemoExperiment_HasOneRowPerMetricAndVariant()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/experiments/1/results.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Metric,Variant,Control,Units,Value,Lift,CiLow,CiHigh,PValue", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (4 * 2), lines.Length);
    }

    [Theory]
    [InlineData("/api/experiments/999/results")]
    [InlineData("/api/experiments/999/results.csv")]
    public async Task Results_UnknownExperiment_AnswersNotFoundProblem(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Weights_RunningExperiment_AnswersConflictAndChangesNothing()
    {
        using var client = app.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/experiments/1/results");
        var ids = before.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("variantId").GetInt32()).ToList();

        using var response = await client.PutAsJsonAsync("/api/experiments/1/weights", new { weights = ids.ToDictionary(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => 3.0) });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("Start a new experiment", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/experiments/1/results");
        Assert.All(after.GetProperty("arms").EnumerateArray(), a => Assert.Equal(0.5, a.GetProperty("weight").GetDouble()));
    }

    [Theory]
    [InlineData("/api/experiments/1/stop", """{"decision":"keep_control"}""", HttpStatusCode.Conflict)]
    [InlineData("/api/experiments/1/stop", """{"decision":"ship:999","rationale":"x"}""", HttpStatusCode.Conflict)]
    [InlineData("/api/experiments/1/start", "", HttpStatusCode.Conflict)]
    [InlineData("/api/experiments/999/start", "", HttpStatusCode.NotFound)]
    [InlineData("/api/experiments/1/stop", "not json", HttpStatusCode.BadRequest)]
    public async Task Lifecycle_BrokenRule_AnswersProblem(string path, string body, HttpStatusCode status)
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, status);
    }
}
