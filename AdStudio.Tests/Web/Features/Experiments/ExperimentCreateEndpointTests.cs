using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Experiments;

/// <summary><c>POST /api/experiments</c> creates a draft on the first demo campaign's creatives (drafts serve nothing, so the shared app is unchanged).</summary>
[Collection(RunningApp.Name)]
public sealed class ExperimentCreateEndpointTests(AppHost app)
{
    private static async Task<int[]> CreativesAsync(HttpClient client)
    {
        var campaign = await client.GetFromJsonAsync<JsonElement>("/api/campaigns/1");
        return [.. campaign.GetProperty("creativeIds").EnumerateArray().Select(c => c.GetInt32())];
    }

    [Fact]
    public async Task Create_WithPrimaryMetric_StoresItAndTheResultsDecideOnIt()
    {
        using var client = app.CreateClient();
        var creatives = await CreativesAsync(client);

        using var response = await client.PostAsJsonAsync("/api/experiments", new
        {
            campaignId = 1,
            name = $"Primary metric {Guid.NewGuid():N}",
            arms = new object[] { new { name = "Control", creativeId = creatives[0] }, new { name = "Spring sale", creativeId = creatives[1], weight = 2 } },
            primaryMetric = "roi",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("roi", created.GetProperty("primaryMetric").GetString());
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal(["Control", "Spring sale"], created.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        var results = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!.ToString());
        Assert.Equal("roi", results.GetProperty("primaryMetric").GetString());
        Assert.Equal(["roi"], results.GetProperty("metrics").EnumerateArray().Where(m => m.GetProperty("isPrimary").GetBoolean()).Select(m => m.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Create_WithoutPrimaryMetric_TakesTheCampaignObjectivesDefault()
    {
        using var client = app.CreateClient();
        var creatives = await CreativesAsync(client);
        var objective = (await client.GetFromJsonAsync<JsonElement>("/api/campaigns/1")).GetProperty("objective").GetString();

        using var response = await client.PostAsJsonAsync("/api/experiments", new
        {
            campaignId = 1,
            name = $"Default metric {Guid.NewGuid():N}",
            arms = new object[] { new { creativeId = creatives[0] }, new { creativeId = creatives[1] } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var expected = objective switch { "conversions" => "conversion_rate", "revenue" => "revenue_per_shopper", _ => "ctr" };
        Assert.Equal(expected, created.GetProperty("primaryMetric").GetString());
    }

    [Theory]
    [InlineData("\"clicks\"")]
    [InlineData("\"CTR\"")]
    [InlineData("\"\"")]
    public async Task Create_UnknownPrimaryMetric_AnswersProblemNamingTheField(string metric)
    {
        using var client = app.CreateClient();
        var creatives = await CreativesAsync(client);
        var body = $$"""{"campaignId":1,"name":"Bad metric","arms":[{"creativeId":{{creatives[0]}}},{"creativeId":{{creatives[1]}}}],"primaryMetric":{{metric}}}""";

        using var response = await client.PostAsync("/api/experiments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("ctr", problem.GetProperty("errors").GetProperty("primaryMetric")[0].GetString(), StringComparison.Ordinal);
    }
}
