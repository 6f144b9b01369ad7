using AdStudio.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Support;

/// <summary>Users made through the app's own <see cref="UserManager{TUser}"/>, with unique e-mails so tests sharing an app never collide.</summary>
public static class TestUsers
{
    public const string Password = "a-long-test-password";

    /// <summary>Creates a user holding <paramref name="roles"/>; returns the e-mail (the password is <see cref="Password"/>).</summary>
    public static async Task<string> CreateAsync(AppHost app, params string[] roles)
    {
        var email = $"{string.Join("-", roles.DefaultIfEmpty("none"))}-{Guid.NewGuid():N}@adstudio.test";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdStudioUser>>();
        var user = new AdStudioUser { UserName = email, Email = email, CreatedAt = DateTime.UtcNow };
        Require(await users.CreateAsync(user, Password));
        if (roles.Length > 0)
        {
            Require(await users.AddToRolesAsync(user, roles));
        }

        return email;
    }

    /// <summary>A client signed in with a bearer token of a new user holding <paramref name="roles"/>, plus the storefront key.</summary>
    public static async Task<HttpClient> ClientAsync(AppHost app, params string[] roles)
    {
        var email = await CreateAsync(app, roles);
        var client = app.CreateAnonymousClient(followRedirects: false);
        return TestCredentials.Authorize(client, await TestCredentials.TokenAsync(client, email, Password));
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
