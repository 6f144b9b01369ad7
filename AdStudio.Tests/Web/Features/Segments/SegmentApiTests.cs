using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Segments;

[Collection(RunningApp.Name)]
public sealed class SegmentApiTests(AppHost app)
{
    // "central": a demo region no other test imports shoppers into, so the audience index and the table agree whatever runs first.
    private static readonly object CentralRule = new { all = new object[] { new { field = "region", op = "in", values = new[] { "central" } } } };
    private static readonly object NobodyRule = new { all = new object[] { new { field = "region", op = "in", values = new[] { "atlantis" } } } };

    [Fact]
    public async Task List_DemoSegments_HaveIdNameKindAndSize()
    {
        using var client = app.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/segments");

        var first = list.EnumerateArray().First(s => s.GetProperty("name").GetString() == "Young adults");
        Assert.Equal("rule", first.GetProperty("kind").GetString());
        Assert.True(first.GetProperty("size").GetInt32() >= 50);
        Assert.True(first.GetProperty("id").GetInt32() > 0);
    }

    [Fact]
    public async Task Preview_Rule_AnswersSizeOfConsentingShoppers()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/segments/preview", new { rule = CentralRule });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var size = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("size").GetInt32();
        await using var db = app.OpenDb();
        Assert.Equal(db.Shoppers.Count(s => s.AllowsPersonalisation && s.Region == "central"), size);
    }

    [Fact]
    public async Task TinySegment_SizeIsHidden_AndExportIsRefused()
    {
        using var client = app.CreateClient();

        using var preview = await client.PostAsJsonAsync("/api/segments/preview", new { rule = NobodyRule });
        using var created = await client.PostAsJsonAsync("/api/segments", new { name = "Atlantis", rule = NobodyRule });
        var segment = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var export = await client.GetAsync($"/api/segments/{segment.GetProperty("id").GetInt32()}/members.csv");

        Assert.Equal(JsonValueKind.Null, (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("size").ValueKind);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(JsonValueKind.Null, segment.GetProperty("size").ValueKind);
        await ProblemAssert.IsProblemAsync(export, HttpStatusCode.Forbidden);
        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/segments")).EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Atlantis");
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("size").ValueKind);
    }

    [Fact]
    public async Task Create_ThenGet_ReturnsTheRule_AndExportListsMembers()
    {
        using var client = app.CreateClient();

        using var created = await client.PostAsJsonAsync("/api/segments", new { name = "Central shoppers", description = "Region central", rule = CentralRule });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/segments/{id}");
        var csv = await client.GetStringAsync($"/api/segments/{id}/members.csv");

        Assert.Equal("region", one.GetProperty("rule").GetProperty("all")[0].GetProperty("field").GetString());
        Assert.Equal(one.GetProperty("size").GetInt32() + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("""{"rule":{"all":[{"field":"shoe_size","op":">","value":3}]}}""", "shoe_size")]
    [InlineData("""{"rule":{"all":[]}}""", "non-empty")]
    [InlineData("""{"rule":"region = north"}""", "group")]
    [InlineData("""{}""", "expected an object")]
    public async Task Preview_BadRule_AnswersProblem(string body, string says)
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/segments/preview", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutName_AnswersProblemAndStoresNothing()
    {
        using var client = app.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/segments")).GetArrayLength();

        using var response = await client.PostAsJsonAsync("/api/segments", new { name = " ", rule = CentralRule });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/segments")).GetArrayLength());
    }
}
