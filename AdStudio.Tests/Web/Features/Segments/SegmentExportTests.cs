using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Auditing;
using AdStudio.Core.Privacy;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Segments;

/// <summary>Member exports: masked ids by default, raw ids only for admins who ask, and every raw export in the audit trail.</summary>
[Collection(RunningApp.Name)]
public sealed class SegmentExportTests(AppHost app)
{
    [Fact]
    public async Task Export_ByDefault_WritesMaskedIdsOfEveryMember()
    {
        using var client = app.CreateClient();
        var id = await LargestSegmentAsync(client);

        var lines = Lines(await client.GetStringAsync($"/api/segments/{id}/members.csv"));

        var raw = await MembersAsync(id);
        var pseudonyms = app.Services.GetRequiredService<ShopperPseudonyms>();
        Assert.Equal("maskedShopperId", lines[0]);
        Assert.Equal(raw.Select(pseudonyms.Mask).Order(StringComparer.Ordinal), lines.Skip(1));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(ShopperPseudonyms.MaskPrefix, l, StringComparison.Ordinal));
        Assert.Empty(lines.Intersect(raw));
    }

    [Fact]
    public async Task Export_RawIdsAsAdmin_WritesRawIdsAndAuditsWhoWhichAndHowMany()
    {
        using var client = app.CreateClient();
        var id = await LargestSegmentAsync(client);

        using var response = await client.GetAsync($"/api/segments/{id}/members.csv?ids=raw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Lines(await response.Content.ReadAsStringAsync());
        var raw = await MembersAsync(id);
        Assert.Equal("shopperId", lines[0]);
        Assert.Equal(raw, lines.Skip(1));
        await using var db = app.OpenDb();
        var entry = await db.AuditEntries.Where(e => e.EntityType == AuditTrail.Segment && e.EntityId == id && e.Action == "exported-raw-ids")
            .OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(TestCredentials.AdminEmail, entry.Actor);
        Assert.Contains($"raw ids, {raw.Count} rows", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(raw[0], entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_RawIdsAsMarketer_Is403ProblemAndNotAudited_MaskedIsAllowed()
    {
        using var admin = app.CreateClient();
        var id = await LargestSegmentAsync(admin);
        var marketer = await TestUsers.CreateThroughApiAsync(app, "marketer");
        using var client = marketer.Client(app);

        using var raw = await client.GetAsync($"/api/segments/{id}/members.csv?ids=raw");
        using var masked = await client.GetAsync($"/api/segments/{id}/members.csv");

        await ProblemAssert.IsProblemAsync(raw, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
        Assert.StartsWith(ShopperPseudonyms.MaskPrefix, Lines(await masked.Content.ReadAsStringAsync())[1], StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Actor == marketer.Email && e.Action == "exported-raw-ids"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == marketer.Email && e.Action == "exported" && e.EntityId == id));
    }

    [Fact]
    public async Task Export_UnknownIdKind_Is400Problem()
    {
        using var client = app.CreateClient();
        var id = await LargestSegmentAsync(client);

        using var response = await client.GetAsync($"/api/segments/{id}/members.csv?ids=plain");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static List<string> Lines(string csv) => [.. csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries)];

    private static async Task<int> LargestSegmentAsync(HttpClient client)
    {
        var segments = await client.GetFromJsonAsync<JsonElement>("/api/segments");
        return segments.EnumerateArray().Where(s => s.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number)
            .OrderByDescending(s => s.GetProperty("size").GetInt32()).First().GetProperty("id").GetInt32();
    }

    private async Task<List<string>> MembersAsync(int segmentId)
    {
        await using var db = app.OpenDb();
        var ids = await db.SegmentMembers.Where(m => m.SegmentId == segmentId).Select(m => m.ShopperId).ToListAsync();
        return [.. ids.Order(StringComparer.Ordinal)];
    }
}
