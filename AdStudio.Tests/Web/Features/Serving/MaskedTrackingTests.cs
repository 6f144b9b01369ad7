using System.Net;
using AdStudio.Core.Events;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Web.Features.Serving;

/// <summary>Tracking URLs carry the shopper id sealed in their ticket; the bare ids with <c>?s=</c> of before still work until they expire.</summary>
[Collection(RunningApp.Name)]
public sealed class MaskedTrackingTests(AppHost app)
{
    private static readonly TimeSpan Expired = TimeSpan.FromDays(7) + TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Serve_KnownShopper_AnswerHoldsNoShopperIdAndNoShopperParameter()
    {
        using var client = app.CreateClient();
        var shopper = $"Masked.Shopper+{Guid.NewGuid():N}";

        using var response = await client.PostAsync("/serve", JsonContent(shopper));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/c/", body, StringComparison.Ordinal);
        Assert.DoesNotContain(shopper, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Uri.EscapeDataString(shopper), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(shopper[^32..], body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s=", body, StringComparison.Ordinal);
        Assert.DoesNotContain('?', body);
    }

    [Fact]
    public async Task ClickUrl_SealedTicketAltered_AnswersProblemAndRecordsNothing()
    {
        using var client = app.CreateClient(followRedirects: false);
        var shopper = $"sealed-altered-{Guid.NewGuid():N}";
        var ad = await DecisionIds.ServeAsync(client, shopper);
        var decisionId = ad.GetProperty("decisionId").GetString()!;
        var ticket = new Uri(ad.GetProperty("clickUrl").GetString()!).Segments[^1];
        var altered = ticket[..40] + (ticket[40] == 'A' ? 'B' : 'A') + ticket[41..];

        using var response = await client.GetAsync($"/c/{altered}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"'{altered}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("altered", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.DecisionId == decisionId));
    }

    [Fact]
    public async Task ClickUrl_LegacyIdWithShopperParameter_IsRecordedUntilItExpires()
    {
        using var client = app.CreateClient(followRedirects: false);
        var shopper = $"legacy-{Guid.NewGuid():N}";
        var decisionId = (await DecisionIds.ServeAsync(client, shopper)).GetProperty("decisionId").GetString()!;
        var legacy = DecisionIds.LegacyAged(app, decisionId, shopper, TimeSpan.FromDays(1));
        var expired = DecisionIds.LegacyAged(app, decisionId, shopper, Expired);

        using var fresh = await client.GetAsync($"/c/{legacy}?s={shopper}");
        using var old = await client.GetAsync($"/c/{expired}?s={shopper}");
        using var pixel = await client.GetAsync($"/i/{legacy}?s={shopper}");

        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pixel.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.AdEvents.CountAsync(e => e.DecisionId == legacy && e.Type == AdEventType.Click));
        Assert.Equal(1, await db.AdEvents.CountAsync(e => e.DecisionId == legacy && e.Type == AdEventType.Impression));
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.DecisionId == expired));
    }

    [Fact]
    public async Task ClickUrl_LegacyIdWithoutOrWithWrongShopperParameter_IsRefused()
    {
        using var client = app.CreateClient(followRedirects: false);
        var shopper = $"legacy-wrong-{Guid.NewGuid():N}";
        var decisionId = (await DecisionIds.ServeAsync(client, shopper)).GetProperty("decisionId").GetString()!;
        var legacy = DecisionIds.LegacyAged(app, decisionId, shopper, TimeSpan.FromDays(1));

        using var missing = await client.GetAsync($"/c/{legacy}");
        using var wrong = await client.GetAsync($"/c/{legacy}?s=someone-else");

        var missingDetail = (await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("detail").GetString();
        Assert.Contains("lacks its shopper parameter", missingDetail, StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.BadRequest);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.DecisionId == legacy));
    }

    [Fact]
    public async Task ClickUrl_CurrentIdWithShopperParameter_IsRefusedAsSealedOnly()
    {
        using var client = app.CreateClient(followRedirects: false);
        var shopper = $"sealed-only-{Guid.NewGuid():N}";
        var decisionId = (await DecisionIds.ServeAsync(client, shopper)).GetProperty("decisionId").GetString()!;

        using var response = await client.GetAsync($"/c/{decisionId}?s={shopper}");

        var detail = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString();
        Assert.Contains("sealed", detail, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.DecisionId == decisionId));
    }

    private static StringContent JsonContent(string shopper) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { shopperId = shopper, placement = "sidebar" }), System.Text.Encoding.UTF8, "application/json");
}
