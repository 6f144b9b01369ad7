using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Experiments;

/// <summary>
/// <c>POST /api/experiments</c> refuses arms of different placement sizes with a problem naming the arm. Each test makes its
/// own draft campaign from approved demo creatives (a creative may belong to several campaigns), so demo data is unchanged.
/// </summary>
[Collection(RunningApp.Name)]
public sealed class ExperimentPlacementApiTests(AppHost app)
{
    /// <summary>A new draft campaign with two 300×250 creatives and one of another size, in that order.</summary>
    private static async Task<(int Campaign, int[] Creatives)> MixedCampaignAsync(HttpClient client)
    {
        var all = (await client.GetFromJsonAsync<JsonElement>("/api/creatives")).EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "approved").ToList();
        static bool Rectangle(JsonElement c) => c.GetProperty("width").GetInt32() == 300 && c.GetProperty("height").GetInt32() == 250;
        int[] creatives = [.. all.Where(Rectangle).Take(2).Concat(all.Where(c => !Rectangle(c)).Take(1)).Select(c => c.GetProperty("id").GetInt32())];
        using var created = await client.PostAsJsonAsync("/api/campaigns", new
        {
            name = $"Placement test {Guid.NewGuid():N}",
            objective = "clicks",
            bidType = "cpc",
            bid = 0.5,
            dailyBudget = 10.0,
            totalBudget = 100.0,
            startsAt = DateTime.UtcNow,
            dayparting = "",
            placements = Array.Empty<string>(),
            creativeIds = creatives,
            includeSegments = Array.Empty<int>(),
            excludeSegments = Array.Empty<int>(),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), creatives);
    }

    [Fact]
    public async Task Create_ArmOfAnotherPlacement_AnswersProblemNamingTheArm()
    {
        using var client = app.CreateClient();
        var (campaign, creatives) = await MixedCampaignAsync(client);

        var name = $"Mixed sizes {Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync("/api/experiments", new
        {
            campaignId = campaign,
            name,
            arms = new object[] { new { name = "Control", creativeId = creatives[0] }, new { name = "Banner", creativeId = creatives[2] } },
        });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("placement", problem.GetProperty("errors").GetProperty("arms[1].creativeId")[0].GetString(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(0, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Experiments, e => e.Name == name));
    }

    [Fact]
    public async Task Create_ArmsOfOnePlacement_CreatesTheDraftWithTheTypedEffect()
    {
        using var client = app.CreateClient();
        var (campaign, creatives) = await MixedCampaignAsync(client);

        using var response = await client.PostAsJsonAsync("/api/experiments", new
        {
            campaignId = campaign,
            name = $"Same size {Guid.NewGuid():N}",
            arms = new object[] { new { name = "Control", creativeId = creatives[0] }, new { name = "B", creativeId = creatives[1] } },
            minimumDetectableEffect = 0.15,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("draft", 0.15), (created.GetProperty("status").GetString(), created.GetProperty("minimumDetectableEffect").GetDouble()));
    }

    [Fact]
    public async Task Create_WithoutCampaign_AnswersProblemNamingTheField()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/experiments", new { name = "No campaign", arms = new object[] { new { creativeId = 1 }, new { creativeId = 2 } } });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("campaignId", out _));
    }
}
