using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Serving;

[Collection(RunningApp.Name)]
public sealed class ServeEndpointTests(AppHost app)
{
    private static async Task<JsonElement> ServeAsync(HttpClient client, string shopperId, string placement = "sidebar")
    {
        using var response = await client.PostAsJsonAsync("/serve", new { shopperId, placement, context = new { page = "home", device = "desktop" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Serve_KnownShopper_AnswersAdWithTrackingUrls()
    {
        using var client = app.CreateClient();

        var ad = await ServeAsync(client, "shopper-000001");

        Assert.False(string.IsNullOrEmpty(ad.GetProperty("decisionId").GetString()));
        Assert.True(ad.GetProperty("campaignId").GetInt32() > 0);
        Assert.True(ad.GetProperty("creativeId").GetInt32() > 0);
        Assert.False(string.IsNullOrWhiteSpace(ad.GetProperty("headline").GetString()));
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/demo/", ad.GetProperty("imageUrl").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/c/", ad.GetProperty("clickUrl").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/i/", ad.GetProperty("impressionUrl").GetString(), StringComparison.Ordinal);
        Assert.True(ad.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task Serve_KnownShopper_ScoreAndDecisionIdFollowTheCampaignsBidAndTheStatedRates()
    {
        using var client = app.CreateClient();

        var ad = await ServeAsync(client, "shopper-000005");

        var campaignId = ad.GetProperty("campaignId").GetInt32();
        var creativeId = ad.GetProperty("creativeId").GetInt32();
        var explanation = ad.GetProperty("explanation");
        var (clickRate, conversionRate) = (explanation.GetProperty("pCtr").GetDouble(), explanation.GetProperty("pCvr").GetDouble());
        await using var db = app.OpenDb();
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Creatives).SingleAsync(c => c.Id == campaignId);
        Assert.Contains(campaign.Creatives, c => c.Id == creativeId);
        Assert.Equal(campaign.BidType.ToString().ToUpperInvariant(), explanation.GetProperty("bidType").GetString());
        Assert.Equal(campaign.Bid, explanation.GetProperty("bid").GetDouble());
        // Recomputed here from the stored bid and the stated rates, not read back from another field of the answer.
        var expected = ExpectedValuePerImpression(campaign.BidType, campaign.Bid, clickRate, conversionRate);
        Assert.Equal(expected, ad.GetProperty("score").GetDouble(), 12);
        Assert.Equal(expected, explanation.GetProperty("expectedValue").GetDouble(), 12);
        var codec = app.Services.GetRequiredService<DecisionTokenCodec>();
        Assert.True(codec.TryDecode(ad.GetProperty("decisionId").GetString()!, "shopper-000005", out var ticket));
        Assert.Equal((campaignId, creativeId, campaign.BidType), (ticket.CampaignId, ticket.CreativeId, ticket.BidType));
        var chargedBid = campaign.BidType == BidType.Ocpa ? conversionRate * campaign.Bid : campaign.Bid;
        Assert.Equal((long)Math.Round(chargedBid * 1_000_000), ticket.BidMicros);
    }

    /// <summary>The expected value per impression as the README states it, written out independently of the app's ranking code.</summary>
    private static double ExpectedValuePerImpression(BidType bidType, double bid, double clickRate, double conversionRate) => bidType switch
    {
        BidType.Cpm => bid / 1000,
        BidType.Cpc => clickRate * bid,
        _ => clickRate * conversionRate * bid,
    };

    [Fact]
    public async Task Serve_UnknownShopper_IsServedAsNewVisitor()
    {
        using var client = app.CreateClient();

        var ad = await ServeAsync(client, $"visitor-{Guid.NewGuid():N}", "leaderboard");

        using var image = await client.GetAsync(new Uri(ad.GetProperty("imageUrl").GetString()!));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"placement":"sidebar"}""", "shopperId")]
    [InlineData("""{"shopperId":"  ","placement":"sidebar"}""", "shopperId")]
    [InlineData("""{"shopperId":"s1","placement":"popup"}""", "placement")]
    [InlineData("""{"shopperId":"s1"}""", "placement")]
    [InlineData("""{"shopperId":42,"placement":"sidebar"}""", "shopperId")]
    [InlineData("""{"shopperId":"s1","placement":"sidebar" """, "JSON")]
    [InlineData("", "body")]
    public async Task Serve_BadInput_AnswersProblemDetails(string body, string mentioned)
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/serve", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Serve_TooLongShopperId_AnswersProblemDetails()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/serve", new { shopperId = new string('x', 129), placement = "sidebar" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ClickUrl_RecordsClickOnce_AndRedirectsToLandingPage()
    {
        using var client = app.CreateClient(followRedirects: false);
        var ad = await ServeAsync(client, "shopper-000002");
        var clickUrl = new Uri(ad.GetProperty("clickUrl").GetString()!);

        using var first = await client.GetAsync(clickUrl);
        using var second = await client.GetAsync(clickUrl);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("https://", first.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var decisionId = ad.GetProperty("decisionId").GetString();
        await using var db = app.OpenDb();
        var clicks = await db.AdEvents.Where(e => e.DecisionId == decisionId && e.Type == AdEventType.Click).ToListAsync();
        var click = Assert.Single(clicks);
        Assert.Equal(ad.GetProperty("campaignId").GetInt32(), click.CampaignId);
        Assert.Equal("shopper-000002", click.ShopperId);
    }

    [Fact]
    public async Task ImpressionUrl_AnswersPixelAndRecordsImpression()
    {
        using var client = app.CreateClient();
        var ad = await ServeAsync(client, "shopper-000003");

        using var response = await client.GetAsync(new Uri(ad.GetProperty("impressionUrl").GetString()!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/gif", response.Content.Headers.ContentType?.MediaType);
        var decisionId = ad.GetProperty("decisionId").GetString();
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.AdEvents.CountAsync(e => e.DecisionId == decisionId && e.Type == AdEventType.Impression));
    }

    [Fact]
    public async Task ClickUrl_ForAnotherShopper_IsRefusedAndRecordsNothing()
    {
        using var client = app.CreateClient(followRedirects: false);
        var ad = await ServeAsync(client, "shopper-000004");
        var decisionId = ad.GetProperty("decisionId").GetString()!;

        using var response = await client.GetAsync($"/c/{Uri.EscapeDataString(decisionId)}?s=shopper-999999");
        using var missing = await client.GetAsync($"/c/{Uri.EscapeDataString(decisionId)}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.DecisionId == decisionId));
    }
}
