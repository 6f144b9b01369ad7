using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdStudio.Core.Events;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Web.Features.Events;

[Collection(RunningApp.Name)]
public sealed class EventsEndpointTests(AppHost app)
{
    private static readonly string Now = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, params object[] events) =>
        client.PostAsJsonAsync("/events", new { events });

    private static async Task<string> DecisionForAsync(HttpClient client, string shopperId)
    {
        using var response = await client.PostAsJsonAsync("/serve", new { shopperId, placement = "sidebar" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisionId").GetString()!;
    }

    [Fact]
    public async Task Events_ValidBehaviourBatch_IsStoredBeforeAccepted()
    {
        using var client = app.CreateClient();
        var shopper = $"events-{Guid.NewGuid():N}";
        await ShopperConsent.GiveAsync(client, shopper);

        using var response = await PostAsync(client,
            new { type = "view", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1", dwellSeconds = 31.5 },
            new { type = "search", shopperId = shopper, timestamp = Now, query = "running shoes" },
            new { type = "add_to_cart", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1" },
            new { type = "purchase", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1", amount = 24.99 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, body.GetProperty("accepted").GetInt32());
        Assert.Equal(0, body.GetProperty("duplicates").GetInt32());
        await using var db = app.OpenDb();
        var stored = await db.BehaviourEvents.Where(e => e.ShopperId == shopper).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([BehaviourEventType.View, BehaviourEventType.Search, BehaviourEventType.AddToCart, BehaviourEventType.Purchase], stored.Select(e => e.Type));
        Assert.Equal(24.99, stored[3].Amount);
        Assert.Equal("running shoes", stored[1].Query);
    }

    [Fact]
    public async Task Events_RepeatedAdEventForSameDecision_IsCountedOnce()
    {
        using var client = app.CreateClient();
        var decisionId = await DecisionForAsync(client, "shopper-000010");
        var click = new { type = "click", shopperId = "shopper-000010", timestamp = Now, decisionId };

        using var first = await PostAsync(client, new { type = "impression", shopperId = "shopper-000010", timestamp = Now, decisionId }, click, click);
        using var retry = await PostAsync(client, click);

        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetInt32());
        Assert.Equal(1, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetInt32());
        await using var db = app.OpenDb();
        Assert.Equal(2, await db.AdEvents.CountAsync(e => e.DecisionId == decisionId));
    }

    [Fact]
    public async Task Events_ConversionWithRevenue_IsAttributedToTheDecisionsCampaign()
    {
        using var client = app.CreateClient();
        var decisionId = await DecisionForAsync(client, "shopper-000011");

        using var response = await PostAsync(client, new { type = "conversion", shopperId = "shopper-000011", timestamp = Now, decisionId, revenue = 80.5 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var db = app.OpenDb();
        var conversion = await db.AdEvents.SingleAsync(e => e.DecisionId == decisionId);
        Assert.Equal((AdEventType.Conversion, 80.5), (conversion.Type, conversion.Revenue));
        Assert.True(conversion.CampaignId > 0);
    }

    [Fact]
    public async Task Events_OneInvalidEvent_RejectsWholeBatchWithFieldErrors()
    {
        using var client = app.CreateClient();
        var shopper = $"bad-{Guid.NewGuid():N}";

        using var response = await PostAsync(client,
            new { type = "view", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1" },
            new { type = "teleport", shopperId = shopper, timestamp = Now },
            new { type = "purchase", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1", amount = -3 },
            new { type = "click", shopperId = shopper, timestamp = Now, decisionId = "forged" },
            new { type = "conversion", shopperId = shopper, timestamp = Now, decisionId = "x" },
            new { type = "view", timestamp = Now, category = "Books", productId = "b-1" },
            new { type = "view", shopperId = shopper, category = "Books", productId = "b-1" },
            new { type = "view", shopperId = shopper, timestamp = DateTimeOffset.UtcNow.AddDays(2).ToString("O"), category = "Books", productId = "b-1" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(
            ["events[1].type", "events[2].amount", "events[3].decisionId", "events[4].revenue", "events[5].shopperId", "events[6].timestamp", "events[7].timestamp"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.BehaviourEvents.CountAsync(e => e.ShopperId == shopper));
    }

    [Theory]
    [InlineData("""{"events":[]}""", "non-empty")]
    [InlineData("""{}""", "non-empty")]
    [InlineData("""{"events":[{"type":"view",""", "JSON")]
    [InlineData("""{"events":[{"type":"view","timestamp":"yesterday"}]}""", "timestamp")]
    [InlineData("""[1,2,3]""", "JSON")]
    public async Task Events_MalformedBody_AnswersProblemDetails(string body, string mentioned)
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/events", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Events_NotJson_AnswersProblemDetails()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/events", new StringContent("type=view", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Events_TooManyInOneBatch_AnswersProblemDetails()
    {
        using var client = app.CreateClient();
        var events = Enumerable.Range(0, 1001)
            .Select(i => (object)new { type = "search", shopperId = "s", timestamp = Now, query = "q" }).ToArray();

        using var response = await PostAsync(client, events);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("1000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_BatchRetriedWithEventIds_IsStoredOnce()
    {
        using var client = app.CreateClient();
        var shopper = $"retry-{Guid.NewGuid():N}";
        await ShopperConsent.GiveAsync(client, shopper);
        object[] batch =
        [
            new { eventId = "e-1", type = "view", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1" },
            new { eventId = "e-2", type = "search", shopperId = shopper, timestamp = Now, query = "crime" },
            new { eventId = new string('x', 64), type = "add_to_cart", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1" },
            new { type = "search", shopperId = shopper, timestamp = Now, query = "no id" },
        ];

        using var first = await PostAsync(client, batch);
        using var retry = await PostAsync(client, batch);

        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        var retryBody = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.Accepted, 4, 0), (first.StatusCode, firstBody.GetProperty("accepted").GetInt32(), firstBody.GetProperty("duplicates").GetInt32()));
        Assert.Equal((HttpStatusCode.Accepted, 1, 3), (retry.StatusCode, retryBody.GetProperty("accepted").GetInt32(), retryBody.GetProperty("duplicates").GetInt32()));
        await using var db = app.OpenDb();
        Assert.Equal(3, await db.BehaviourEvents.CountAsync(e => e.ShopperId == shopper && e.EventId != null));
        Assert.Equal(2, await db.BehaviourEvents.CountAsync(e => e.ShopperId == shopper && e.EventId == null));
    }

    [Fact]
    public async Task Events_EventIdLongerThan64Characters_RejectsBatch()
    {
        using var client = app.CreateClient();
        var shopper = $"long-id-{Guid.NewGuid():N}";

        using var response = await PostAsync(client,
            new { eventId = new string('x', 65), type = "search", shopperId = shopper, timestamp = Now, query = "q" },
            new { eventId = "", type = "search", shopperId = shopper, timestamp = Now, query = "q" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["events[0].eventId", "events[1].eventId"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.BehaviourEvents.CountAsync(e => e.ShopperId == shopper));
    }

    [Fact]
    public async Task Events_AdEventOfExpiredDecision_IsReportedNotStoredAndRestOfBatchIsStored()
    {
        using var client = app.CreateClient();
        var shopper = $"expired-{Guid.NewGuid():N}";
        await ShopperConsent.GiveAsync(client, shopper);
        var fresh = (await DecisionIds.ServeAsync(client, shopper)).GetProperty("decisionId").GetString()!;
        var expired = DecisionIds.Aged(app, fresh, shopper, TimeSpan.FromDays(7) + TimeSpan.FromMinutes(6));
        var stillValid = DecisionIds.Aged(app, fresh, shopper, TimeSpan.FromDays(7) + TimeSpan.FromMinutes(4));
        var old = DateTimeOffset.UtcNow.AddDays(-7).ToString("O");

        using var response = await PostAsync(client,
            new { type = "view", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1" },
            new { type = "click", shopperId = shopper, timestamp = old, decisionId = expired },
            new { type = "impression", shopperId = shopper, timestamp = Now, decisionId = fresh },
            new { type = "conversion", shopperId = shopper, timestamp = Now, decisionId = expired, revenue = 10 },
            new { type = "click", shopperId = shopper, timestamp = old, decisionId = stillValid });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 0, 2), (body.GetProperty("accepted").GetInt32(), body.GetProperty("duplicates").GetInt32(), body.GetProperty("expired").GetInt32()));
        Assert.Equal([1, 3], body.GetProperty("expiredIndexes").EnumerateArray().Select(e => e.GetInt32()));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.DecisionId == expired));
        Assert.Equal(1, await db.AdEvents.CountAsync(e => e.DecisionId == fresh));
        Assert.Equal(1, await db.AdEvents.CountAsync(e => e.DecisionId == stillValid));
        Assert.Equal(1, await db.BehaviourEvents.CountAsync(e => e.ShopperId == shopper));
    }

    [Fact]
    public async Task Events_AdEventBeforeItsDecision_RejectsBatch()
    {
        using var client = app.CreateClient();
        var shopper = $"backdated-{Guid.NewGuid():N}";
        var decisionId = (await DecisionIds.ServeAsync(client, shopper)).GetProperty("decisionId").GetString()!;

        using var response = await PostAsync(client,
            new { type = "impression", shopperId = shopper, timestamp = DateTimeOffset.UtcNow.AddMinutes(-4).ToString("O"), decisionId },
            new { type = "click", shopperId = shopper, timestamp = DateTimeOffset.UtcNow.AddHours(-1).ToString("O"), decisionId });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["events[1].timestamp"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("backdated", errors.GetProperty("events[1].timestamp")[0].GetString(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.DecisionId == decisionId));
    }

    [Theory]
    [InlineData("not-base64url", "base64url")]
    [InlineData("non-canonical", "altered")]
    [InlineData("other-last-character", "altered")]
    public async Task Events_DecisionIdOfRightLengthButAltered_ErrorNamesIndexFieldAndId(string kind, string reason)
    {
        using var client = app.CreateClient();
        var shopper = $"altered-{Guid.NewGuid():N}";
        var real = (await DecisionIds.ServeAsync(client, shopper)).GetProperty("decisionId").GetString()!;
        var altered = DecisionIds.Variant(kind, real);

        using var response = await PostAsync(client,
            new { type = "impression", shopperId = shopper, timestamp = Now, decisionId = real },
            new { type = "click", shopperId = shopper, timestamp = Now, decisionId = altered });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("events[1].decisionId")[0].GetString();
        Assert.Contains($"'{altered}'", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.ShopperId == shopper));
    }

    [Fact]
    public async Task Events_NumbersAboveTheirMaximum_RejectBatch()
    {
        using var client = app.CreateClient();
        var shopper = $"huge-{Guid.NewGuid():N}";
        var decisionId = (await DecisionIds.ServeAsync(client, shopper)).GetProperty("decisionId").GetString()!;

        using var response = await PostAsync(client,
            new { type = "purchase", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1", amount = 1_000_000.01 },
            new { type = "view", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1", dwellSeconds = 86_401 },
            new { type = "conversion", shopperId = shopper, timestamp = Now, decisionId, revenue = 1e300 });
        using var atTheLimits = await PostAsync(client,
            new { type = "purchase", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1", amount = 1_000_000 },
            new { type = "view", shopperId = shopper, timestamp = Now, category = "Books", productId = "b-1", dwellSeconds = 86_400 },
            new { type = "conversion", shopperId = shopper, timestamp = Now, decisionId, revenue = 1_000_000 });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["events[0].amount", "events[1].dwellSeconds", "events[2].revenue"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("1,000,000", errors.GetProperty("events[0].amount")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, atTheLimits.StatusCode);
    }

    [Fact]
    public async Task Events_NullInsideEventsArray_RejectsBatch()
    {
        using var client = app.CreateClient();
        var shopper = $"null-{Guid.NewGuid():N}";
        var body = $$"""{"events":[{"type":"search","shopperId":"{{shopper}}","timestamp":"{{Now}}","query":"q"},null]}""";

        using var response = await client.PostAsync("/events", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["events[1]"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.BehaviourEvents.CountAsync(e => e.ShopperId == shopper));
    }
}
