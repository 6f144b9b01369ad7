using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AdStudio.Tests.Support;

/// <summary>The credentials every test app is started with: a bootstrap admin and a storefront key from configuration.</summary>
public static class TestCredentials
{
    public const string AdminEmail = "admin@adstudio.test";
    public const string AdminPassword = "test-admin-passphrase";
    public const string StorefrontKey = "test-storefront-key-0123456789abcdef";
    public const string StorefrontKeyHeader = "X-AdStudio-Key";

    public static IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Auth:BootstrapAdmin:Email", AdminEmail),
        new("Auth:BootstrapAdmin:Password", AdminPassword),
        new("Auth:StorefrontKeys:0", StorefrontKey),

        // Tests sign in far more often than people do; the rate-limit tests set their own low limit.
        new("RateLimits:SignInPerMinute", "100000"),
    ];

    /// <summary>Asks the app for a bearer token; fails the test with the app's answer when refused.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string email = AdminEmail, string password = AdminPassword)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"No token for {email}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Makes the client act as the signed-in user of <paramref name="token"/> and as the test storefront.</summary>
    public static HttpClient Authorize(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add(StorefrontKeyHeader, StorefrontKey);
        return client;
    }
}
