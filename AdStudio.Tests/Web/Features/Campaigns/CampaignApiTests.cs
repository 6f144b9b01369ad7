using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Campaigns;

[Collection(RunningApp.Name)]
public sealed class CampaignApiTests(AppHost app)
{
    private static object Draft(int[] creatives, string? endsAt = null, double daily = 10, string[]? placements = null) => new
    {
        name = "API campaign",
        objective = "conversions",
        bidType = "cpc",
        bid = 0.7,
        dailyBudget = daily,
        totalBudget = 100.0,
        startsAt = DateTime.UtcNow.AddDays(-1),
        endsAt,
        dayparting = "",
        frequencyCapPerDay = 2,
        placements = placements ?? ["sidebar"],
        creativeIds = creatives,
        includeSegments = Array.Empty<int>(),
        excludeSegments = Array.Empty<int>(),
    };

    private static async Task<int[]> ApprovedCreativesAsync(HttpClient client)
    {
        var all = await client.GetFromJsonAsync<JsonElement>("/api/creatives");
        return [.. all.EnumerateArray().Where(c => c.GetProperty("status").GetString() == "approved").Take(2).Select(c => c.GetProperty("id").GetInt32())];
    }

    [Fact]
    public async Task Campaign_CreateActivatePauseDuplicate_Works()
    {
        using var client = app.CreateClient();
        var creatives = await ApprovedCreativesAsync(client);

        using var created = await client.PostAsJsonAsync("/api/campaigns", Draft(creatives));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/campaigns/{id}/activate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/campaigns/{id}/pause", null)).StatusCode);
        using var duplicate = await client.PostAsync($"/api/campaigns/{id}/duplicate", null);

        var copy = await duplicate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("draft", "Copy of API campaign", 2), (copy.GetProperty("status").GetString(), copy.GetProperty("name").GetString(), copy.GetProperty("frequencyCapPerDay").GetInt32()));
        var paused = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal("paused", paused.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Campaign_BadFields_AnswerProblemPerField()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/campaigns",
            Draft([987654], endsAt: DateTime.UtcNow.AddDays(-3).ToString("O"), daily: 500, placements: ["popup"]));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "creativeIds", "endsAt", "dailyBudget", "placements" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing {field}");
        }
    }

    [Fact]
    public async Task Campaign_ActivateWithoutApprovedCreative_AnswersWhy()
    {
        using var client = app.CreateClient();
        using var created = await client.PostAsJsonAsync("/api/campaigns", Draft([]));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var response = await client.PostAsync($"/api/campaigns/{id}/activate", null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("approved", problem.GetProperty("errors").GetProperty("creativeIds")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"x","bidType":"barter"}""")]
    [InlineData("""{"name":"x","bidType":"cpc","bid":1,"dailyBudget":1,"totalBudget":1,"startsAt":"2026-01-01T00:00:00Z"}""")]
    [InlineData("not json")]
    public async Task Campaign_MalformedBody_AnswersProblem(string body)
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/campaigns", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Campaign_Unknown_AnswersNotFound()
    {
        using var client = app.CreateClient();

        await ProblemAssert.IsProblemAsync(await client.PostAsync("/api/campaigns/987654/pause", null), HttpStatusCode.NotFound);
    }
}
