using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Experiments;

[Collection(RunningApp.Name)]
public sealed class StatsCompareEndpointTests(AppHost app)
{
    private const string IssueExample =
        """
        {"metricType":"mean","control":{"n":3407,"sum":1396.87,"sumSquares":52377.9767},
         "treatment":{"n":3461,"sum":2422.7,"sumSquares":134698.29},
         "difference":"relative","alternative":"two-sided","alpha":0.05,
         "sequential":false,"sequentialTuning":5000}
        """;

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        using var client = app.CreateClient();
        return await client.PostAsync("/api/stats/compare", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    [Fact]
    public async Task Compare_DocumentedExample_AnswersWelchResult()
    {
        using var response = await PostAsync(IssueExample);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var r = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0.70732, Math.Round(r.GetProperty("effect").GetDouble(), 5));
        Assert.Equal(-0.03526, Math.Round(r.GetProperty("ciLow").GetDouble(), 5));
        Assert.Equal(1.44989, Math.Round(r.GetProperty("ciHigh").GetDouble(), 5));
        Assert.Equal(0.37879, Math.Round(r.GetProperty("standardError").GetDouble(), 5));
        Assert.Equal(0.06191, Math.Round(r.GetProperty("pValue").GetDouble(), 5));
        Assert.Equal(0.96907, Math.Round(r.GetProperty("chanceToWin").GetDouble(), 5));
        Assert.Equal(JsonValueKind.Array, r.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task Compare_ProportionOneSidedSequential_LeavesUpperEndOpen()
    {
        using var response = await PostAsync(
            """{"metricType":"proportion","control":{"n":3000,"sum":1396},"treatment":{"n":3461,"sum":2422},"alternative":"greater","sequential":true}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var r = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, r.GetProperty("ciHigh").ValueKind);
        Assert.True(r.GetProperty("ciLow").GetDouble() > 0.40098, "a one-sided bound is tighter than the two-sided one");
        Assert.True(r.GetProperty("pValue").GetDouble() < 1e-10);
    }

    [Theory]
    [InlineData("""{"metricType":"mean","control":{"n":-5,"sum":1,"sumSquares":1},"treatment":{"n":10,"sum":1,"sumSquares":1}}""", "control.n", "negative")]
    [InlineData("""{"metricType":"mean","control":{"n":1,"sum":1,"sumSquares":1},"treatment":{"n":10,"sum":1,"sumSquares":1}}""", "control.n", "at least 2")]
    [InlineData("""{"metricType":"proportion","control":{"n":10,"sum":3},"treatment":{"n":10,"sum":3},"alpha":0.7}""", "alpha", "0.5")]
    [InlineData("""{"metricType":"proportion","control":{"n":10,"sum":3},"treatment":{"n":10,"sum":3},"alpha":0}""", "alpha", "greater than 0")]
    [InlineData("""{"metricType":"proportion","control":{"n":10,"sum":0},"treatment":{"n":10,"sum":3}}""", "control.sum", "zero")]
    [InlineData("""{"metricType":"proportion","control":{"n":10,"sum":11},"treatment":{"n":10,"sum":3}}""", "control.sum", "between 0 and n")]
    [InlineData("""{"metricType":"proportion","control":{"n":10,"sum":-1},"treatment":{"n":10,"sum":3}}""", "control.sum", "between 0 and n")]
    [InlineData("""{"metricType":"mean","control":{"n":10,"sum":10},"treatment":{"n":10,"sum":3,"sumSquares":2}}""", "control.sumSquares", "required")]
    [InlineData("""{"metricType":"mean","control":{"n":10,"sum":10,"sumSquares":1},"treatment":{"n":10,"sum":3,"sumSquares":2}}""", "control.sumSquares", "sum²/n")]
    [InlineData("""{"metricType":"ratio","control":{"n":10,"sum":1},"treatment":{"n":10,"sum":1}}""", "metricType", "proportion")]
    [InlineData("""{"metricType":"proportion","control":{"n":10,"sum":1},"treatment":{"n":10,"sum":1},"alternative":"bigger"}""", "alternative", "two-sided")]
    [InlineData("""{"metricType":"proportion","control":{"n":10,"sum":1},"treatment":{"n":10,"sum":1},"difference":"ratio"}""", "difference", "absolute")]
    [InlineData("""{"metricType":"proportion","control":{"n":10,"sum":1}}""", "treatment", "required")]
    [InlineData("""{"metricType":"proportion","control":{"n":10,"sum":1},"treatment":{"n":10,"sum":1},"sequential":true,"sequentialTuning":0}""", "sequentialTuning", "at least 1")]
    public async Task Compare_BadInput_AnswersProblemNamingTheField(string json, string field, string says)
    {
        using var response = await PostAsync(json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(says, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"metricType":"mean","control":""", "JSON")]
    [InlineData("""{"metricType":"mean","control":{"n":"many"}}""", "control.n")]
    public async Task Compare_MalformedJson_AnswersProblem(string json, string says)
    {
        using var response = await PostAsync(json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
