using System.Net;
using System.Text;
using System.Text.Json;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Experiments;
using AdStudio.Core.Segments.Rules;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Experiments;

namespace AdStudio.Tests.Web.Hardening;

/// <summary>Nulls inside arrays, id lists beyond their documented maximum and numbers beyond their bounds are 400s that say where.</summary>
[Collection(RunningApp.Name)]
public sealed class ArrayAndNumberBoundsTests(AppHost app)
{
    private static string Campaign(string creativeIds = "[]", string placements = """["sidebar"]""", string bid = "0.7", string daily = "10", string total = "100", string cap = "2") =>
        $$"""
        {"name":"Bounds","objective":"conversions","bidType":"cpc","bid":{{bid}},"dailyBudget":{{daily}},"totalBudget":{{total}},
         "startsAt":"2026-01-01T00:00:00Z","endsAt":null,"dayparting":"","frequencyCapPerDay":{{cap}},
         "placements":{{placements}},"creativeIds":{{creativeIds}},"includeSegments":[],"excludeSegments":[]}
        """;

    private static string Ids(int count) => "[" + string.Join(",", Enumerable.Range(1, count)) + "]";

    private static string Rule(string values) => "{\"name\":\"Bounds\",\"rule\":{\"all\":[{\"field\":\"region\",\"op\":\"in\",\"values\":" + values + "}]}}";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // null inside arrays
        { "POST", "/api/campaigns", Campaign(creativeIds: "[1,null]"), "$.creativeIds[1]" },
        { "POST", "/api/campaigns", Campaign(placements: """["sidebar",null]"""), "placements[1]" },
        { "POST", "/api/segments/preview", Rule("""["north",null]"""), "rule.all[0].values[1]" },
        { "POST", "/api/segments/preview", """{"rule":{"all":[null]}}""", "rule.all[0]" },
        { "PUT", "/api/experiments/1/weights", """{"weights":{"1":null}}""", "$.weights.1" },
        { "POST", "/events", """{"events":[null]}""", "events[0]" },
        // lists beyond their maximum
        { "POST", "/api/campaigns", Campaign(creativeIds: Ids(CampaignRules.MaxListItems + 1)), $"at most {CampaignRules.MaxListItems}" },
        { "PUT", "/api/campaigns/1", Campaign(creativeIds: Ids(50_000)), "creativeIds" },
        { "POST", "/api/segments/preview", Rule("[" + string.Join(",", Enumerable.Repeat("\"north\"", SegmentRule.MaxListValues + 1)) + "]"), $"at most {SegmentRule.MaxListValues}" },
        { "PUT", "/api/experiments/1/weights", "{\"weights\":{" + string.Join(",", Enumerable.Range(1, ExperimentEndpoints.MaxWeights + 1).Select(i => $"\"{i}\":1")) + "}}", $"at most {ExperimentEndpoints.MaxWeights}" },
        // numbers beyond their bounds or beyond their type
        { "POST", "/api/campaigns", Campaign(bid: "1e308"), "bid" },
        { "POST", "/api/campaigns", Campaign(daily: "1e12", total: "0"), "dailyBudget" },
        { "POST", "/api/campaigns", Campaign(total: "1.7976931348623157e308"), "totalBudget" },
        { "POST", "/api/campaigns", Campaign(cap: "2147483648"), "$.frequencyCapPerDay" },
        { "POST", "/api/campaigns", Campaign(creativeIds: "[9223372036854775808]"), "$.creativeIds[0]" },
        { "PUT", "/api/experiments/1/weights", """{"weights":{"1":1e308}}""", "weights.1" },
        { "PUT", "/api/experiments/1/weights", """{"weights":{"99999999999":1}}""", "$.weights" },
        { "POST", "/api/stats/compare", """{"metricType":"proportion","control":{"n":9223372036854775807,"sum":1},"treatment":{"n":100,"sum":4}}""", "control.n" },
        { "POST", "/api/stats/compare", """{"metricType":"proportion","control":{"n":100,"sum":3},"treatment":{"n":100,"sum":4},"alpha":1e-300}""", "alpha" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Send_NullOrOversizedOrOverflowingValue_AnswersBadRequestSayingWhere(string method, string path, string body, string where)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        using var response = await client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var text = problem.GetProperty("detail").GetString() + (problem.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "");
        Assert.True(text.Contains(where, StringComparison.Ordinal), $"\"{where}\" is not in: {text}");
    }

    [Fact]
    public void Bounds_AreTheDocumentedOnes()
    {
        // The README's HTTP API section states these numbers; a change here must change it too.
        Assert.Equal((10_000d, 1e9, 100), (CampaignRules.MaxBid, CampaignRules.MaxBudget, CampaignRules.MaxListItems));
        Assert.Equal((1_000_000d, 100, 1000), (ExperimentLifecycle.MaxWeight, ExperimentEndpoints.MaxWeights, SegmentRule.MaxListValues));
        Assert.Contains("1,000", JsonSerializer.Serialize(CampaignRules.MaxBudget.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)), StringComparison.Ordinal);
    }
}
