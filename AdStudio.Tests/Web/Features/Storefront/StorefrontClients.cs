using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Storefront;

/// <summary>Requests the storefront tests send: /serve with a chosen key (or none), and keys made through the admin API.</summary>
internal static class StorefrontClients
{
    public static async Task<HttpResponseMessage> ServeAsync(AppHost app, string? key, string path = "/serve")
    {
        using var client = app.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { shopperId = "shopper-000001", placement = "sidebar" }) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(TestCredentials.StorefrontKeyHeader, key);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> EventsAsync(AppHost app, string? key)
    {
        using var client = app.CreateAnonymousClient();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events")
        {
            Content = JsonContent.Create(new { events = new[] { new { type = "view", shopperId = $"key-{Guid.NewGuid():N}", timestamp = now, category = "books", productId = "p-1" } } }),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(TestCredentials.StorefrontKeyHeader, key);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Creates a key through the admin API; returns its id and the key.</summary>
    public static async Task<(int Id, string Key)> CreateKeyAsync(AppHost app, string name)
    {
        using var admin = app.CreateClient();
        using var response = await admin.PostAsJsonAsync("/api/storefront-keys", new { name });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating key '{name}' answered {(int)response.StatusCode}: {body}");
        }

        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("id").GetInt32(), created.GetProperty("key").GetString()!);
    }

    /// <summary>A client signed in (bearer token) as a new user holding <paramref name="role"/> only.</summary>
    public static async Task<HttpClient> UserClientAsync(AppHost app, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@adstudio.test";
        const string password = "a-long-enough-passphrase";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AdStudioUser>>();
            var user = new AdStudioUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        var client = app.CreateAnonymousClient();
        var token = await TestCredentials.TokenAsync(client, email, password);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
