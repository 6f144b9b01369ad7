using AdStudio.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Support;

/// <summary>Users made for one test through the app's own <see cref="UserManager{TUser}"/>, each with a unique e-mail.</summary>
public static class TestUsers
{
    public const string Password = "test-user-passphrase";

    public static async Task<string> CreateAsync(IServiceProvider services, string role, bool requireTwoFactor = false)
    {
        var email = $"{role}-{Guid.NewGuid():N}@adstudio.test";
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdStudioUser>>();
        var user = new AdStudioUser { UserName = email, Email = email, CreatedAt = DateTime.UtcNow, RequireTwoFactor = requireTwoFactor };
        Require(await users.CreateAsync(user, Password));
        Require(await users.AddToRoleAsync(user, role));
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
