using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Creatives;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Serving;

[Collection(RunningApp.Name)]
public sealed class TrackingUrlTests(AppHost app)
{
    private static readonly TimeSpan Expired = TimeSpan.FromDays(7) + TimeSpan.FromMinutes(6);

    [Fact]
    public async Task ClickUrl_ExpiredDecision_RedirectsWithoutRecording()
    {
        using var client = app.CreateClient(followRedirects: false);
        var shopper = $"click-expired-{Guid.NewGuid():N}";
        var ad = await DecisionIds.ServeAsync(client, shopper);
        var aged = DecisionIds.Aged(app, ad.GetProperty("decisionId").GetString()!, shopper, Expired);
        var expired = DecisionIds.Sealed(app, aged, shopper);

        using var response = await client.GetAsync($"/c/{expired}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.DecisionId == aged));
    }

    [Fact]
    public async Task ImpressionUrl_ExpiredDecision_AnswersPixelWithoutRecording()
    {
        using var client = app.CreateClient();
        var shopper = $"pixel-expired-{Guid.NewGuid():N}";
        var ad = await DecisionIds.ServeAsync(client, shopper);
        var aged = DecisionIds.Aged(app, ad.GetProperty("decisionId").GetString()!, shopper, Expired);
        var expired = DecisionIds.Sealed(app, aged, shopper);

        using var response = await client.GetAsync($"/i/{expired}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/gif", response.Content.Headers.ContentType?.MediaType);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.DecisionId == aged));
    }

    [Theory]
    [InlineData("c", "not-base64url", "base64url")]
    [InlineData("c", "non-canonical", "altered")]
    [InlineData("c", "other-last-character", "altered")]
    [InlineData("i", "not-base64url", "base64url")]
    [InlineData("i", "non-canonical", "altered")]
    [InlineData("i", "other-last-character", "altered")]
    public async Task TrackingUrl_DecisionIdOfRightLengthButAltered_AnswersProblemNamingTheId(string path, string kind, string reason)
    {
        using var client = app.CreateClient(followRedirects: false);
        var shopper = $"tracking-altered-{Guid.NewGuid():N}";
        var real = (await DecisionIds.ServeAsync(client, shopper)).GetProperty("decisionId").GetString()!;
        var altered = DecisionIds.Variant(kind, real);

        using var response = await client.GetAsync($"/{path}/{Uri.EscapeDataString(altered)}?s={shopper}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains($"'{altered}'", detail, StringComparison.Ordinal);
        Assert.Contains(reason, detail, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.ShopperId == shopper));
    }

    [Fact]
    public async Task ClickUrl_AfterUnreviewedLandingEdit_RedirectsToTheApprovedLandingUrl()
    {
        using var client = app.CreateClient(followRedirects: false);
        var shopper = $"landing-{Guid.NewGuid():N}";
        var ad = await DecisionIds.ServeAsync(client, shopper, "leaderboard");
        var creativeId = ad.GetProperty("creativeId").GetInt32();
        var original = await client.GetFromJsonAsync<JsonElement>($"/api/creatives/{creativeId}");
        var approvedUrl = original.GetProperty("landingUrl").GetString()!;
        try
        {
            using var edit = await client.PutAsJsonAsync($"/api/creatives/{creativeId}", Copy(original, "https://unreviewed.example.net/phishing"));
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
            await WaitForSnapshotAsync(creativeId, served: false);

            using var click = await client.GetAsync(new Uri(ad.GetProperty("clickUrl").GetString()!));

            Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
            Assert.Equal(new Uri(approvedUrl).AbsoluteUri, click.Headers.Location!.AbsoluteUri);
        }
        finally
        {
            // Leave the shared demo shop as it was: the original copy, approved and served again. (Directly in the
            // database: the demo's leaderboard copy was seeded without the automatic checks a resubmission runs.)
            await using var db = app.OpenDb();
            var creative = await db.Creatives.SingleAsync(c => c.Id == creativeId);
            (creative.LandingUrl, creative.Status, creative.ReviewNotes) = (approvedUrl, CreativeStatus.Approved, null);
            await db.SaveChangesAsync();
            await WaitForSnapshotAsync(creativeId, served: true);
        }
    }

    private static object Copy(JsonElement creative, string landingUrl) => new
    {
        name = creative.GetProperty("name").GetString(),
        headline = creative.GetProperty("headline").GetString(),
        body = creative.GetProperty("body").GetString(),
        callToAction = creative.GetProperty("callToAction").GetString(),
        landingUrl,
        category = creative.GetProperty("category").GetString(),
        tags = creative.GetProperty("tags").GetString(),
        discount = creative.GetProperty("discount").GetDouble(),
    };

    private async Task WaitForSnapshotAsync(int creativeId, bool served)
    {
        var snapshots = app.Services.GetRequiredService<SnapshotHolder>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((snapshots.Current.FindCreative(creativeId) is not null) != served)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The serving snapshot never {(served ? "took up" : "dropped")} creative {creativeId}.");
            await Task.Delay(100);
        }
    }
}
