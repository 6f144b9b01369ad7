using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Support;

/// <summary>Users made for one test, each with a unique e-mail so tests sharing an app never collide.</summary>
public static class TestUsers
{
    public const string Password = "a-long-enough-test-password";

    /// <summary>Creates a user with one role through the app's own <see cref="UserManager{TUser}"/>; returns the e-mail.</summary>
    public static async Task<string> CreateAsync(IServiceProvider services, string role, bool requireTwoFactor = false) =>
        await CreateWithManagerAsync(services, [role], requireTwoFactor);

    /// <summary>Creates a user holding <paramref name="roles"/> through <see cref="UserManager{TUser}"/>; returns the e-mail.</summary>
    public static Task<string> CreateAsync(AppHost app, params string[] roles) => CreateWithManagerAsync(app.Services, roles, requireTwoFactor: false);

    /// <summary>A client signed in with a bearer token of a new user holding <paramref name="roles"/>, plus the storefront key.</summary>
    public static async Task<HttpClient> ClientAsync(AppHost app, params string[] roles)
    {
        var email = await CreateAsync(app, roles);
        var client = app.CreateAnonymousClient(followRedirects: false);
        return TestCredentials.Authorize(client, await TestCredentials.TokenAsync(client, email, Password));
    }

    /// <summary>Creates a user through <c>POST /api/users</c> as the bootstrap admin, and signs them in for a token.</summary>
    public static async Task<TestUser> CreateThroughApiAsync(AppHost app, params string[] roles)
    {
        var email = $"{string.Join("-", roles)}-{Guid.NewGuid():N}@adstudio.test";
        using var admin = app.CreateClient();
        using var response = await admin.PostAsJsonAsync("/api/users", new { email, password = Password, roles });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Could not create {email}: {(int)response.StatusCode} {body}");
        }

        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
        using var anonymous = app.CreateAnonymousClient();
        return new TestUser(id, email, Password, await TestCredentials.TokenAsync(anonymous, email, Password));
    }

    private static async Task<string> CreateWithManagerAsync(IServiceProvider services, string[] roles, bool requireTwoFactor)
    {
        var email = $"{string.Join("-", roles.DefaultIfEmpty("none"))}-{Guid.NewGuid():N}@adstudio.test";
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdStudioUser>>();
        var user = new AdStudioUser { UserName = email, Email = email, CreatedAt = DateTime.UtcNow, RequireTwoFactor = requireTwoFactor };
        Require(await users.CreateAsync(user, Password));
        if (roles.Length > 0)
        {
            Require(await users.AddToRolesAsync(user, roles));
        }

        return email;
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
