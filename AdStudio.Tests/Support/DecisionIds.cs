using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Support;

/// <summary>Real decision ids from a running app, and altered or aged copies of them, for the tracking and event tests.</summary>
public static class DecisionIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static async Task<JsonElement> ServeAsync(HttpClient client, string shopperId, string placement = "sidebar")
    {
        using var response = await client.PostAsJsonAsync("/serve", new { shopperId, placement });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The same decision for the same shopper, signed by the app's own key, as if issued <paramref name="age"/> ago.</summary>
    public static string Aged(AppHost app, string decisionId, string shopperId, TimeSpan age)
    {
        var codec = app.Services.GetRequiredService<DecisionTokenCodec>();
        Assert.True(codec.TryDecode(decisionId, shopperId, out var ticket));
        return codec.Encode(ticket with { IssuedAtUnixSeconds = DateTimeOffset.UtcNow.Add(-age).ToUnixTimeSeconds() }, shopperId);
    }

    /// <summary>The sealed tracking ticket of a decision: what its tracking URLs carry.</summary>
    public static string Sealed(AppHost app, string decisionId, string shopperId) =>
        app.Services.GetRequiredService<TrackingTicketCodec>().Seal(decisionId, shopperId);

    /// <summary>
    /// The decision in the format tracking URLs carried with <c>?s=</c> before sealed tickets (version 2), signed with the
    /// app's current key, as if issued <paramref name="age"/> ago.
    /// </summary>
    public static string LegacyAged(AppHost app, string decisionId, string shopperId, TimeSpan age) =>
        LegacyDecisionIds.VersionTwo(app.Services.GetRequiredService<DecisionKeyRing>().Current, Aged(app, decisionId, shopperId, age), shopperId);

    /// <summary>The id with its last character swapped for one that decodes to the same bytes (non-canonical padding bits).</summary>
    public static string NonCanonical(string decisionId) =>
        decisionId[..^1] + Alphabet[Alphabet.IndexOf(decisionId[^1], StringComparison.Ordinal) | 1];

    /// <summary>The id with a different last character that changes the decoded bytes.</summary>
    public static string OtherLastCharacter(string decisionId) =>
        decisionId[..^1] + Alphabet[(Alphabet.IndexOf(decisionId[^1], StringComparison.Ordinal) + 4) % 64];

    /// <summary>The id with a character outside the base64url alphabet, at the right length.</summary>
    public static string NotBase64Url(string decisionId) => decisionId[..20] + "!" + decisionId[21..];

    public static string Variant(string kind, string decisionId) => kind switch
    {
        "not-base64url" => NotBase64Url(decisionId),
        "non-canonical" => NonCanonical(decisionId),
        "other-last-character" => OtherLastCharacter(decisionId),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
