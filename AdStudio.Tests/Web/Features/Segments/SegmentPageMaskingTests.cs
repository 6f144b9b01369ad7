using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdStudio.Core.Privacy;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Segments;

/// <summary>The segment page as the server renders it: masked member ids only, and the raw export offered to admins only.</summary>
[Collection(RunningApp.Name)]
public sealed partial class SegmentPageMaskingTests(AppHost app)
{
    [Fact]
    public async Task SegmentPage_AsAdmin_ShowsMaskedSampleAndOffersRawExport()
    {
        var (id, raw) = await LargestSegmentAsync();
        using var session = await CookieSession.ForUserAsync(app, TestCredentials.AdminEmail);

        var html = await session.Client.GetStringAsync($"/segments/{id}");

        var sample = Sample().Match(html).Groups[1].Value.Split(", ");
        var pseudonyms = app.Services.GetRequiredService<ShopperPseudonyms>();
        Assert.Equal(20, sample.Length);
        Assert.All(sample, s => Assert.Contains(s, raw.Select(pseudonyms.Mask)));
        Assert.DoesNotContain(raw, r => html.Contains(r, StringComparison.Ordinal));
        Assert.Contains("data-testid=\"export-members\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"export-members-raw\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentPage_AsMarketer_OffersMaskedExportOnly()
    {
        var (id, _) = await LargestSegmentAsync();
        var marketer = await TestUsers.CreateAsync(app, "marketer");
        using var session = await CookieSession.ForUserAsync(app, marketer);

        var html = await session.Client.GetStringAsync($"/segments/{id}");

        Assert.Contains("data-testid=\"export-members\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("export-members-raw", html, StringComparison.Ordinal);
    }

    private async Task<(int Id, List<string> Raw)> LargestSegmentAsync()
    {
        using var client = app.CreateClient();
        var segments = await client.GetFromJsonAsync<JsonElement>("/api/segments");
        var id = segments.EnumerateArray().Where(s => s.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number)
            .OrderByDescending(s => s.GetProperty("size").GetInt32()).First().GetProperty("id").GetInt32();
        await using var db = app.OpenDb();
        return (id, await db.SegmentMembers.Where(m => m.SegmentId == id).Select(m => m.ShopperId).ToListAsync());
    }

    [GeneratedRegex("data-testid=\"segment-sample\"[^>]*>([^<]*)<")]
    private static partial Regex Sample();
}
