using System.Net;
using System.Text;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Experiments;

/// <summary>POST /api/stats/compare at the edge of double precision: a finite answer or a 400 with the reason, never a 500 or a NaN.</summary>
[Collection(RunningApp.Name)]
public sealed class StatsCompareExtremeInputTests(AppHost app)
{
    private static string Body(string control, string treatment, string extra = "") =>
        $$"""{"metricType":"mean","control":{{control}},"treatment":{{treatment}}{{extra}}}""";

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        using var client = app.CreateClient();
        return await client.PostAsync("/api/stats/compare", new StringContent(json, Encoding.UTF8, "application/json"));
    }

    public static TheoryData<string, string> Refused => new()
    {
        // Control mean 1e-300: the relative effect's variance divides by 1e-600, which is 0.
        { Body("""{"n":1000,"sum":1e-297,"sumSquares":1e-290}""", """{"n":1000,"sum":2e-297,"sumSquares":2e-290}"""), "finite numbers" },
        // Squares of the sums overflow.
        { Body("""{"n":1000,"sum":1e200,"sumSquares":1.7e308}""", """{"n":1000,"sum":1e200,"sumSquares":1.7e308}"""), "sumSquares" },
        { Body("""{"n":10,"sum":5,"sumSquares":9}""", """{"n":10,"sum":6,"sumSquares":9}""", ""","alpha":1e-300"""), "alpha" },
        { Body("""{"n":10,"sum":5,"sumSquares":9}""", """{"n":10,"sum":6,"sumSquares":9}""", ""","sequential":true,"sequentialTuning":1e300"""), "sequentialTuning" },
        { Body("""{"n":1000000000001,"sum":5,"sumSquares":9}""", """{"n":10,"sum":6,"sumSquares":9}"""), "control.n" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Compare_ResultWouldNotBeFinite_AnswersBadRequestWithReason(string json, string reason)
    {
        using var response = await PostAsync(json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var text = problem.GetRawText();
        Assert.True(text.Contains(reason, StringComparison.Ordinal), $"\"{reason}\" is not in: {text}");
    }

    public static TheoryData<string> Finite => new()
    {
        // Sums of squares near double.MaxValue (variance per unit about 1e302).
        Body("""{"n":1000000,"sum":1e153,"sumSquares":1e308}""", """{"n":1000000,"sum":1.01e153,"sumSquares":1.02e308}""", ""","difference":"absolute" """),
        // A trillion units per arm with the largest tuning.
        Body("""{"n":1000000000000,"sum":3e10,"sumSquares":4e10}""", """{"n":1000000000000,"sum":3.01e10,"sumSquares":4.01e10}""", ""","sequential":true,"sequentialTuning":1e15"""),
        // The smallest alpha, one-sided.
        Body("""{"n":100,"sum":50,"sumSquares":60}""", """{"n":100,"sum":55,"sumSquares":70}""", ""","alpha":1e-10,"alternative":"greater" """),
        // Almost no variance.
        Body("""{"n":1000,"sum":1000,"sumSquares":1000.000001}""", """{"n":1000,"sum":1000.001,"sumSquares":1000.003}""", ""","difference":"absolute" """),
    };

    [Theory]
    [MemberData(nameof(Finite))]
    public async Task Compare_ExtremeButComputable_AnswersOnlyFiniteNumbers(string json)
    {
        using var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
        {
            Assert.True(double.IsFinite(property.Value.GetDouble()), $"{property.Name} = {property.Value}");
        }

        Assert.True(document.RootElement.GetProperty("standardError").GetDouble() > 0);
    }
}
