using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Privacy;

/// <summary>A shopper's whole ad journey (serve, impression, click, conversion, a behaviour event, a tampered URL) leaves no raw id in any log.</summary>
[Collection(LoggedApp.Name)]
public sealed class ShopperIdLogsTests(LoggedAppHost host)
{
    [Fact]
    public async Task ServeTrackAndEvents_KnownShopper_NoLogEntryHoldsTheRawId()
    {
        // Arrange
        var shopper = $"logged-shopper-{Guid.NewGuid():N}";
        using var client = host.App.CreateClient(followRedirects: false);
        var before = host.Logs.Entries.Count;

        // Act
        var ad = await DecisionIds.ServeAsync(client, shopper);
        var decisionId = ad.GetProperty("decisionId").GetString()!;
        using var impression = await client.GetAsync(new Uri(ad.GetProperty("impressionUrl").GetString()!));
        using var click = await client.GetAsync(new Uri(ad.GetProperty("clickUrl").GetString()!));
        using var tampered = await client.GetAsync(new Uri(DecisionIds.OtherLastCharacter(ad.GetProperty("clickUrl").GetString()!)));
        using var events = await client.PostAsJsonAsync("/events", new
        {
            events = new object[]
            {
                new { type = "conversion", shopperId = shopper, decisionId, timestamp = DateTimeOffset.UtcNow, revenue = 12.5 },
                new { type = "view", shopperId = shopper, timestamp = DateTimeOffset.UtcNow, category = "shoes", productId = "p-1" },
            },
        });
        using var refused = await client.PostAsJsonAsync("/events", new
        {
            events = new[] { new { type = "click", shopperId = shopper, decisionId = "not-a-decision-id", timestamp = DateTimeOffset.UtcNow } },
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, impression.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var logged = host.Logs.Entries.Skip(before).ToList();
        Assert.Contains(logged, e => e.Message.Contains("/c/", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, e => e.Message.Contains(shopper, StringComparison.Ordinal));
        Assert.DoesNotContain(logged, e => e.Message.Contains(Uri.EscapeDataString(shopper), StringComparison.Ordinal));
        Assert.DoesNotContain(logged, e => e.Message.Contains(JsonSerializer.Serialize(shopper).Trim('"'), StringComparison.Ordinal));
    }
}
