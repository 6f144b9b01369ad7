using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Campaigns;

/// <summary>A budget of 0 or below is a 400 problem naming the field on create and on update, never a stored 0.</summary>
[Collection(RunningApp.Name)]
public sealed class CampaignBudgetApiTests(AppHost app)
{
    private static object Draft(string name, double daily, double total) => new
    {
        name,
        objective = "clicks",
        bidType = "cpc",
        bid = 0.5,
        dailyBudget = daily,
        totalBudget = total,
        startsAt = DateTime.UtcNow,
        dayparting = "",
        placements = Array.Empty<string>(),
        creativeIds = Array.Empty<int>(),
        includeSegments = Array.Empty<int>(),
        excludeSegments = Array.Empty<int>(),
    };

    [Theory]
    [InlineData(-5, 100, "dailyBudget")]
    [InlineData(0, 100, "dailyBudget")]
    [InlineData(10, 0, "totalBudget")]
    [InlineData(10, -1, "totalBudget")]
    public async Task Post_ZeroOrNegativeBudget_AnswersProblemNamingTheField(double daily, double total, string field)
    {
        using var client = app.CreateClient();
        var name = $"Budget API {Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync("/api/campaigns", Draft(name, daily, total));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("more than 0", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/campaigns");
        Assert.DoesNotContain(all.EnumerateArray(), c => c.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task Put_ZeroBudget_AnswersProblemAndKeepsTheStoredBudget()
    {
        using var client = app.CreateClient();
        var name = $"Budget API {Guid.NewGuid():N}";
        using var created = await client.PostAsJsonAsync("/api/campaigns", Draft(name, 10, 100));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var response = await client.PutAsJsonAsync($"/api/campaigns/{id}", Draft(name, 0, 100));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("dailyBudget", out _));
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal(10, stored.GetProperty("dailyBudget").GetDouble());
    }
}
