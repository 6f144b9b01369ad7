using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Privacy;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Events;

[Collection(RunningApp.Name)]
public sealed class ConsentEventTests(AppHost app)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow.AddMinutes(-1);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, params object[] events) =>
        client.PostAsJsonAsync("/events", new { events });

    private static object View(string shopperId) =>
        new { type = "view", shopperId, timestamp = Now.ToString("O"), category = "Books", productId = "b-1" };

    [Fact]
    public async Task Events_ConsentEvent_IsRecordedAndMirroredOnTheShopper()
    {
        using var client = app.CreateClient();
        var shopper = $"consent-{Guid.NewGuid():N}";

        using var response = await PostAsync(client,
            new { type = "consent", shopperId = shopper, timestamp = Now.ToString("O"), personalisation = true, measurement = false });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 0, 0, 0), (body.GetProperty("accepted").GetInt32(), body.GetProperty("duplicates").GetInt32(),
            body.GetProperty("droppedWithoutConsent").GetInt32(), body.GetProperty("suppressed").GetInt32()));
        await using var db = app.OpenDb();
        var record = await db.ConsentRecords.SingleAsync(r => r.ShopperId == shopper);
        Assert.Equal((true, false, ConsentSources.Event), (record.Personalisation, record.Measurement, record.Source));
        var stored = await db.Shoppers.SingleAsync(s => s.Id == shopper);
        Assert.Equal((true, false), (stored.AllowsPersonalisation, stored.AllowsMeasurement));
    }

    [Fact]
    public async Task Events_ConsentEventWithoutPurposes_RejectsBatchWithFieldErrors()
    {
        using var client = app.CreateClient();
        var shopper = $"consent-bad-{Guid.NewGuid():N}";

        using var response = await PostAsync(client,
            View(shopper),
            new { type = "consent", shopperId = shopper, timestamp = Now.ToString("O"), measurement = true },
            new { type = "consent", shopperId = shopper, timestamp = Now.ToString("O") });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(
            ["events[1].personalisation", "events[2].measurement", "events[2].personalisation"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("personalisation is required for consent events (true or false).", errors.GetProperty("events[1].personalisation")[0].GetString());
        Assert.Equal("measurement is required for consent events (true or false).", errors.GetProperty("events[2].measurement")[0].GetString());
        Assert.Equal("3 field(s) are not valid; no event of the batch was stored.", problem.GetProperty("detail").GetString());
        await using var db = app.OpenDb();
        Assert.False(await db.Shoppers.AnyAsync(s => s.Id == shopper));
    }

    [Fact]
    public async Task Events_PurposeNotABoolean_IsAProblem()
    {
        using var client = app.CreateClient();

        using var response = await PostAsync(client,
            new { type = "consent", shopperId = "consent-text", timestamp = Now.ToString("O"), personalisation = "yes", measurement = true });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Events_BehaviourOfShopperWithoutPersonalisation_IsDroppedAndCountedInTheAnswer()
    {
        using var client = app.CreateClient();
        var unknown = $"never-asked-{Guid.NewGuid():N}";
        var declined = $"declined-{Guid.NewGuid():N}";
        await ShopperConsent.GiveAsync(client, declined, personalisation: false, measurement: true);

        using var response = await PostAsync(client, View(unknown), View(declined), View(declined));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 3), (body.GetProperty("accepted").GetInt32(), body.GetProperty("droppedWithoutConsent").GetInt32()));
        await using var db = app.OpenDb();
        Assert.False(await db.BehaviourEvents.AnyAsync(e => e.ShopperId == unknown || e.ShopperId == declined));
        // Under the default opt-in model the shopper seen for the first time is created without consent.
        var created = await db.Shoppers.SingleAsync(s => s.Id == unknown);
        Assert.Equal((false, false), (created.AllowsPersonalisation, created.AllowsMeasurement));
    }

    [Fact]
    public async Task Events_AdEventsWithoutMeasurement_StoredWithoutShopperAndCountedInCampaignTotals()
    {
        using var client = app.CreateClient();
        var shopper = $"unmeasured-{Guid.NewGuid():N}";
        await ShopperConsent.GiveAsync(client, shopper, personalisation: true, measurement: false);
        var served = await DecisionIds.ServeAsync(client, shopper);
        var decisionId = served.GetProperty("decisionId").GetString()!;
        var campaignId = served.GetProperty("campaignId").GetInt32();
        var impressionsBefore = await CampaignImpressionsAsync(campaignId);

        using var response = await PostAsync(client,
            new { type = "impression", shopperId = shopper, timestamp = DateTimeOffset.UtcNow.ToString("O"), decisionId });

        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        await using var db = app.OpenDb();
        var stored = await db.AdEvents.SingleAsync(e => e.DecisionId == decisionId);
        Assert.Null(stored.ShopperId);
        Assert.False(await db.AdEvents.AnyAsync(e => e.ShopperId == shopper));
        Assert.True(await CampaignImpressionsAsync(campaignId) > impressionsBefore);
    }

    private async Task<long> CampaignImpressionsAsync(int campaignId)
    {
        await using var db = app.OpenDb();
        return await db.DailyRollups.Where(r => r.CampaignId == campaignId).SumAsync(r => r.Impressions);
    }

    [Fact]
    public async Task Events_SuppressedShopper_DroppedAndCountedUntilConsentLiftsIt()
    {
        using var client = app.CreateClient();
        var shopper = $"erased-{Guid.NewGuid():N}";
        var pseudonyms = app.Services.GetRequiredService<ShopperPseudonyms>();
        await using (var db = app.OpenDb())
        {
            db.SuppressedShoppers.Add(new SuppressedShopper { KeyHash = pseudonyms.SuppressionKey(shopper), SuppressedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        using var dropped = await PostAsync(client, View(shopper));
        using var consent = await PostAsync(client,
            new { type = "consent", shopperId = shopper, timestamp = Now.ToString("O"), personalisation = true, measurement = false });
        using var stored = await PostAsync(client, View(shopper));

        var droppedBody = await dropped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1), (droppedBody.GetProperty("accepted").GetInt32(), droppedBody.GetProperty("suppressed").GetInt32()));
        Assert.Equal(1, (await consent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        Assert.Equal(1, (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        await using var check = app.OpenDb();
        Assert.False(await check.SuppressedShoppers.AnyAsync(s => s.KeyHash == pseudonyms.SuppressionKey(shopper)));
        Assert.Equal(1, await check.ConsentRecords.CountAsync(r => r.ShopperId == shopper));
    }
}
