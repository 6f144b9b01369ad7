using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Auditing;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Audit;

[Collection(RunningApp.Name)]
public sealed class AuditApiTests(AppHost app)
{
    /// <summary>Writes entries straight to the trail with a unique actor, so filters have something exact to find.</summary>
    private async Task<string> SeedAsync(params (string Entity, int Id, string Action, DateTime At)[] entries)
    {
        var actor = $"auditor-{Guid.NewGuid():N}@adstudio.test";
        await using var db = app.OpenDb();
        foreach (var (entity, id, action, at) in entries)
        {
            AuditTrail.Add(db, entity, id, actor, action, "seeded by a test", at);
        }

        await db.SaveChangesAsync();
        return actor;
    }

    private static List<JsonElement> Entries(JsonElement page) => [.. page.GetProperty("entries").EnumerateArray()];

    [Fact]
    public async Task Search_ByActor_ListsOnlyTheirEntriesNewestFirst()
    {
        // Arrange
        var day = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var actor = await SeedAsync(("campaign", 1, "edited", day.AddHours(1)), ("creative", 2, "approved", day.AddHours(2)), ("campaign", 3, "paused", day.AddHours(3)));
        using var client = app.CreateClient();

        // Act
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/audit?actor={Uri.EscapeDataString(actor)}");

        // Assert
        var entries = Entries(page);
        Assert.Equal(["paused", "approved", "edited"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(actor, e.GetProperty("actor").GetString()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextBefore").ValueKind);
        Assert.Equal("campaign", entries[0].GetProperty("entity").GetString());
        Assert.Equal(3, entries[0].GetProperty("entityId").GetInt32());
    }

    [Fact]
    public async Task Search_ByEntityAndWindow_KeepsFromIncludedAndToExcluded()
    {
        var day = new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        var actor = await SeedAsync(
            ("campaign", 1, "before", day.AddMinutes(-1)), ("campaign", 1, "at-from", day), ("creative", 1, "other-entity", day.AddHours(1)),
            ("campaign", 1, "inside", day.AddHours(12)), ("campaign", 1, "at-to", day.AddDays(1)));
        using var client = app.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/audit?actor={Uri.EscapeDataString(actor)}&entity=campaign&from=2026-03-02&to=2026-03-03T00:00:00Z");

        Assert.Equal(["inside", "at-from"], Entries(page).Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Search_LimitAndBefore_PageThroughWithoutGapsOrRepeats()
    {
        var day = new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc);
        var actor = await SeedAsync([.. Enumerable.Range(0, 5).Select(i => ("campaign", i, $"step-{i}", day.AddMinutes(i)))]);
        using var client = app.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/audit?actor={Uri.EscapeDataString(actor)}&limit=2");
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/audit?actor={Uri.EscapeDataString(actor)}&limit=2&before={first.GetProperty("nextBefore").GetInt64()}");
        var third = await client.GetFromJsonAsync<JsonElement>($"/api/audit?actor={Uri.EscapeDataString(actor)}&limit=2&before={second.GetProperty("nextBefore").GetInt64()}");

        var actions = Entries(first).Concat(Entries(second)).Concat(Entries(third)).Select(e => e.GetProperty("action").GetString());
        Assert.Equal(["step-4", "step-3", "step-2", "step-1", "step-0"], actions);
        Assert.Equal(JsonValueKind.Null, third.GetProperty("nextBefore").ValueKind);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("to=2026-13-01")]
    [InlineData("from=2026-03-02&to=2026-03-01")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("before=abc")]
    [InlineData("entity=everything")]
    public async Task Search_BadQuery_Answers400Problem(string query)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/audit?{query}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("analyst", HttpStatusCode.OK)]
    [InlineData("marketer", HttpStatusCode.Forbidden)]
    [InlineData("reviewer", HttpStatusCode.Forbidden)]
    public async Task Search_ByRole_FollowsTheAuditPolicy(string role, HttpStatusCode expected)
    {
        var user = await TestUsers.CreateThroughApiAsync(app, role);
        using var client = user.Client(app);

        using var response = await client.GetAsync("/api/audit?limit=5");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task SignIns_SucceededAndFailed_AreInTheTrail()
    {
        var analyst = await TestUsers.CreateThroughApiAsync(app, "analyst");
        using var anonymous = app.CreateAnonymousClient();
        using var failed = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = analyst.Email, password = "not-the-password-at-all" });
        using var client = app.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/audit?actor={Uri.EscapeDataString(analyst.Email)}&entity=user");

        var actions = Entries(page).Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("signed-in", actions);
        Assert.Contains("sign-in-failed", actions);
    }

    [Fact]
    public async Task MemberExport_IsAuditedWithRowCountAndNoIds()
    {
        // Arrange: the demo world's largest segment is over the privacy threshold.
        using var client = app.CreateClient();
        var segments = await client.GetFromJsonAsync<JsonElement>("/api/segments");
        var segment = segments.EnumerateArray().Where(s => s.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number)
            .OrderByDescending(s => s.GetProperty("size").GetInt32()).First();
        var id = segment.GetProperty("id").GetInt32();

        // Act
        var csv = await client.GetStringAsync($"/api/segments/{id}/members.csv");

        // Assert
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/audit?actor={Uri.EscapeDataString(TestCredentials.AdminEmail)}&entity=segment&limit=10");
        var entry = Entries(page).First(e => e.GetProperty("entityId").GetInt32() == id && e.GetProperty("action").GetString() == "exported");
        var details = entry.GetProperty("details").GetString()!;
        Assert.Contains($"{rows} rows", details, StringComparison.Ordinal);
        var firstId = csv.Split('\n')[1];
        Assert.DoesNotContain(firstId, details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineStart_ByAUser_IsAuditedWithTheRun()
    {
        var marketer = await TestUsers.CreateThroughApiAsync(app, "marketer");
        using var client = marketer.Client(app);

        using var start = await client.PostAsync("/api/pipeline/cluster", null);

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt32();
        await app.WaitForRunAsync(runId, TimeSpan.FromSeconds(60));
        using var admin = app.CreateClient();
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?actor={Uri.EscapeDataString(marketer.Email)}&entity=pipeline");
        Assert.Contains(Entries(page), e => e.GetProperty("entityId").GetInt32() == runId && e.GetProperty("details").GetString() == "cluster");
    }
}
