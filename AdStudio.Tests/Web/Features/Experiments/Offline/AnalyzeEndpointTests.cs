using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AdStudio.Tests.Support;
using MathNet.Numerics.Distributions;

namespace AdStudio.Tests.Web.Features.Experiments.Offline;

[Collection(RunningApp.Name)]
public sealed class AnalyzeEndpointTests(AppHost app)
{
    private const string Control = "No E-Mail";

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, string query = "")
    {
        using var client = app.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        return await client.PostAsync("/api/experiments/analyze" + query, content);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Variant(JsonElement r, string name) =>
        r.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);

    private static JsonElement Metric(JsonElement variant, string metric) =>
        variant.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == metric);

    private static void Close(double expected, JsonElement actual, double relative = 1e-9) =>
        Assert.Equal(expected, actual.GetDouble(), (relative * Math.Abs(expected)) + 1e-15);

    [Fact]
    public async Task Analyze_HillstromExample_MatchesIndependentComputation()
    {
        var arms = HillstromFile.Arms();
        var c = arms[Control];
        await using var file = File.OpenRead(HillstromFile.Path);

        using var response = await PostAsync(new StreamContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "?control=No%20E-Mail");

        var r = await OkJsonAsync(response);
        Assert.Equal(3, r.GetProperty("variants").GetArrayLength());
        Assert.Equal(0, r.GetProperty("rejectedRows").GetInt64());
        var controlConversion = Metric(Variant(r, Control), "conversion_rate");
        Assert.Equal(JsonValueKind.Null, controlConversion.GetProperty("effect").ValueKind);
        Assert.Equal(JsonValueKind.Null, controlConversion.GetProperty("pValue").ValueKind);
        var holm = new List<(double P, double Adjusted)>();
        foreach (var name in new[] { "Mens E-Mail", "Womens E-Mail" })
        {
            var t = arms[name];
            var v = Variant(r, name);
            Assert.Equal(t.N, v.GetProperty("units").GetInt64());

            var pc = c.Conversions / c.N;
            var pt = t.Conversions / t.N;
            var conversion = HillstromFile.Relative(c.N, pc, pc * (1 - pc), t.N, pt, pt * (1 - pt));
            var m = Metric(v, "conversion_rate");
            Close(pt, m.GetProperty("value"));
            Close(conversion.Lift, m.GetProperty("effect"));
            Close(conversion.Low, m.GetProperty("ciLow"), 1e-6);
            Close(conversion.High, m.GetProperty("ciHigh"), 1e-6);
            Close(conversion.P, m.GetProperty("pValue"), 1e-4);
            Close(conversion.Win, m.GetProperty("chanceToWin"), 1e-6);
            // The classic pooled z-test on the absolute difference agrees on the verdict (both far below 1 %).
            Assert.True(HillstromFile.TwoProportionZ(c.N, c.Conversions, t.N, t.Conversions) < 0.01);
            Assert.True(m.GetProperty("pValue").GetDouble() < 0.01);
            holm.Add((m.GetProperty("pValue").GetDouble(), m.GetProperty("adjustedPValue").GetDouble()));

            static double Var(long n, double sum, double squares) => (squares - (sum * sum / n)) / (n - 1);
            var revenue = HillstromFile.Relative(c.N, c.Sum / c.N, Var(c.N, c.Sum, c.SumSquares), t.N, t.Sum / t.N, Var(t.N, t.Sum, t.SumSquares));
            var rev = Metric(v, "revenue_per_unit");
            Close(t.Sum / t.N, rev.GetProperty("value"));
            Close(revenue.Lift, rev.GetProperty("effect"));
            Close(revenue.Low, rev.GetProperty("ciLow"), 1e-6);
            Close(revenue.High, rev.GetProperty("ciHigh"), 1e-6);
            Close(revenue.P, rev.GetProperty("pValue"), 1e-4);
        }

        // Holm over two treatments: the smaller p doubled, the larger kept (never below the first).
        var sorted = holm.OrderBy(h => h.P).ToList();
        Assert.Equal(Math.Min(1, 2 * sorted[0].P), sorted[0].Adjusted, 1e-9 * sorted[0].Adjusted);
        Assert.Equal(Math.Max(sorted[1].P, Math.Min(1, 2 * sorted[0].P)), sorted[1].Adjusted, 1e-9 * sorted[1].Adjusted);

        var expected = arms.Values.Sum(a => a.N) / 3.0;
        var chi = arms.Values.Sum(a => (a.N - expected) * (a.N - expected) / expected);
        Close(1 - ChiSquared.CDF(2, chi), r.GetProperty("srm").GetProperty("pValue"), 1e-9);
        Assert.False(r.GetProperty("srm").GetProperty("mismatch").GetBoolean());
    }

    [Fact]
    public async Task Analyze_RepeatedUnitIds_CountsFirstRowAndReportsRepeats()
    {
        const string csv = "unit_id,variant,converted,revenue\n1,A,0,\n2,B,1,5\n3,A,1,7\n1,B,1,9\n2,B,0,\n4,B,0,\n";

        using var response = await PostAsync(Csv(csv));

        var r = await OkJsonAsync(response);
        Assert.Equal(2, Variant(r, "A").GetProperty("units").GetInt64());
        Assert.Equal(2, Variant(r, "B").GetProperty("units").GetInt64());
        Assert.Equal(0.5, Metric(Variant(r, "B"), "conversion_rate").GetProperty("value").GetDouble());
        var warning = Assert.Single(r.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("unit_id", StringComparison.Ordinal)).GetString();
        Assert.Contains("2 row(s) repeat", warning, StringComparison.Ordinal);
        Assert.Contains("1, 2", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MalformedRows_AreRejectedWithLineNumbers()
    {
        const string csv = "unit_id,variant,converted,revenue\n1,A,0,\n2,B,maybe,\n3,A,1,abc\n4,,1,\n5,B,1,3\n6,A,0,\n7,B,0,\n";

        using var response = await PostAsync(Csv(csv));

        var r = await OkJsonAsync(response);
        Assert.Equal(3, r.GetProperty("rejectedRows").GetInt64());
        Assert.Equal(2, Variant(r, "A").GetProperty("units").GetInt64());
        Assert.Equal(2, Variant(r, "B").GetProperty("units").GetInt64());
        var warning = Assert.Single(r.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("malformed", StringComparison.Ordinal)).GetString();
        Assert.Contains("line 3: converted", warning, StringComparison.Ordinal);
        Assert.Contains("line 4: revenue", warning, StringComparison.Ordinal);
        Assert.Contains("line 5: variant", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_BooleansInSeveralSpellings_AreRead()
    {
        const string csv = "unit_id,variant,converted\n1,A,TRUE\n2,A,Yes\n3,A,no\n4,A,False\n5,B,1\n6,B,0\n7,B,yEs\n8,B,true\n";

        using var response = await PostAsync(Csv(csv));

        var r = await OkJsonAsync(response);
        Assert.Equal(0.5, Metric(Variant(r, "A"), "conversion_rate").GetProperty("value").GetDouble());
        Assert.Equal(0.75, Metric(Variant(r, "B"), "conversion_rate").GetProperty("value").GetDouble());
        Assert.Equal(0, r.GetProperty("rejectedRows").GetInt64());
        Assert.Single(Variant(r, "B").GetProperty("metrics").EnumerateArray());
    }

    [Theory]
    [InlineData("", "", "empty")]
    [InlineData("unit_id,variant,converted\n", "", "no data rows")]
    [InlineData("unit_id,variant,converted\n1,A,1\n2,A,0\n", "", "one variant only")]
    [InlineData("unit_id,variant,converted\n1,A,1\n2,B,0\n", "?control=C", "\"C\" is not a variant")]
    [InlineData("id,arm,converted\n1,A,1\n", "", "missing column(s): unit_id, variant")]
    [InlineData("unit_id,variant,converted\n1,A,1\n2,B,0\n", "?alpha=2", "alpha must be")]
    [InlineData("unit_id,variant,converted\n1,A,1\n2,B,0\n", "?weights=1,2,3", "weights has 3")]
    public async Task Analyze_FileOrQueryThatCannotBeAnalysed_Is400Problem(string csv, string query, string message)
    {
        using var response = await PostAsync(Csv(csv), query);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MultipartUpload_IsAnalysed()
    {
        using var form = new MultipartFormDataContent();
        var file = new StringContent("unit_id,variant,converted,revenue\n1,A,1,2\n2,A,0,\n3,B,1,4\n4,B,1,6\n", Encoding.UTF8, "text/csv");
        form.Add(file, "file", "test.csv");

        using var response = await PostAsync(form, "?control=B&sequential=true");

        var r = await OkJsonAsync(response);
        Assert.Equal("B", r.GetProperty("control").GetString());
        Assert.Equal(-0.5, Metric(Variant(r, "A"), "conversion_rate").GetProperty("effect").GetDouble(), 1e-12);
        Assert.Equal(JsonValueKind.Null, Metric(Variant(r, "A"), "conversion_rate").GetProperty("adjustedPValue").ValueKind);
    }

    [Fact]
    public async Task Analyze_MillionRowsStreamedAsBody_CountsEveryUnit()
    {
        using var content = new StreamContent(new GeneratedUnitCsv(1_000_000)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

        using var response = await PostAsync(content);

        var r = await OkJsonAsync(response);
        Assert.Equal(1_000_000, r.GetProperty("variants").EnumerateArray().Sum(v => v.GetProperty("units").GetInt64()));
        Assert.Equal(0.1, Metric(Variant(r, "A"), "conversion_rate").GetProperty("value").GetDouble(), 1e-9);
        Assert.False(r.GetProperty("srm").GetProperty("mismatch").GetBoolean());
    }

    [Fact]
    public async Task Analyze_SequentialAndWeights_WidenIntervalsAndMoveTheSrmCheck()
    {
        async Task<JsonElement> RunAsync(string query)
        {
            await using var file = File.OpenRead(HillstromFile.Path);
            using var response = await PostAsync(new StreamContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, query);
            return await OkJsonAsync(response);
        }

        var fixedHorizon = await RunAsync("?control=No%20E-Mail");
        var sequential = await RunAsync("?control=No%20E-Mail&sequential=true&weights=1,1,2");

        double Width(JsonElement r) => Metric(Variant(r, "Mens E-Mail"), "conversion_rate") is var m ? m.GetProperty("ciHigh").GetDouble() - m.GetProperty("ciLow").GetDouble() : 0;
        Assert.True(Width(sequential) > Width(fixedHorizon));
        Assert.True(sequential.GetProperty("srm").GetProperty("mismatch").GetBoolean());
        Assert.False(fixedHorizon.GetProperty("srm").GetProperty("mismatch").GetBoolean());
    }
}
