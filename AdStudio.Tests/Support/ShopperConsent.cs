using System.Net;
using System.Net.Http.Json;
using AdStudio.Core.Privacy;

namespace AdStudio.Tests.Support;

/// <summary>Consent as a storefront gives it: one <c>consent</c> event on <c>POST /events</c>.</summary>
public static class ShopperConsent
{
    /// <summary>Records the shopper's consent (both purposes by default) a minute ago, so their later events are stored.</summary>
    public static async Task GiveAsync(HttpClient client, string shopperId, bool personalisation = true, bool measurement = true)
    {
        using var response = await client.PostAsJsonAsync("/events", new
        {
            events = new[]
            {
                new { type = "consent", shopperId, timestamp = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"), personalisation, measurement },
            },
        });
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Consent for a test shopper was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A consent history row as a <c>consent</c> event would record it at <paramref name="at"/>.</summary>
    public static ConsentRecord Record(string shopper, bool personalisation, bool measurement, DateTime at) => new()
    {
        ShopperId = shopper,
        Personalisation = personalisation,
        Measurement = measurement,
        OccurredAt = at,
        RecordedAt = at,
        Source = ConsentSources.Event,
    };
}
