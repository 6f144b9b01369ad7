using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Reporting;
using AdStudio.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Dashboard;

[Collection(RunningApp.Name)]
public sealed class ClosedLoopTests(AppHost app)
{
    [Fact]
    public async Task ServeThenImpressionAndClick_MoveTheDashboardCounts()
    {
        var kpis = app.Services.GetRequiredService<KpiQuery>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var client = app.CreateClient();
        using var served = await client.PostAsJsonAsync("/serve", new { shopperId = "loop-shopper", placement = "sidebar" });
        var ad = await served.Content.ReadFromJsonAsync<JsonElement>();
        var campaignId = ad.GetProperty("campaignId").GetInt32();
        var before = (await kpis.GetAsync(today, today, campaignId, CancellationToken.None)).Totals;

        var now = DateTimeOffset.UtcNow.ToString("O");
        using var response = await client.PostAsJsonAsync("/events", new
        {
            events = new object[]
            {
                new { type = "impression", shopperId = "loop-shopper", timestamp = now, decisionId = ad.GetProperty("decisionId").GetString() },
                new { type = "click", shopperId = "loop-shopper", timestamp = now, decisionId = ad.GetProperty("decisionId").GetString() },
            },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var after = (await kpis.GetAsync(today, today, campaignId, CancellationToken.None)).Totals;
        Assert.Equal(before.Impressions + 1, after.Impressions);
        Assert.Equal(before.Clicks + 1, after.Clicks);
        var explanation = ad.GetProperty("explanation");
        var bid = explanation.GetProperty("bid").GetDouble();
        var charged = explanation.GetProperty("bidType").GetString() switch
        {
            "CPM" => bid / 1000,
            "CPC" => bid,
            _ => 0,
        };
        Assert.Equal(before.Spend + charged, after.Spend, 9);
    }
}
