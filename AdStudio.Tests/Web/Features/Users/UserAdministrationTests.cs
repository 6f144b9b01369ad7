using System.Security.Claims;
using AdStudio.Core.Accounts;
using AdStudio.Core.Infrastructure;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Users;

/// <summary>The last-admin guard, which the shared app cannot exercise without locking every other test out.</summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ServiceProvider _services = null!;

    // An admin acting from outside the accounts under test (the guard is about the target, not the actor).
    private static readonly ClaimsPrincipal Operator = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "999999"), new Claim(ClaimTypes.Email, "operator@adstudio.test"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddDbContext<AdStudioDb>(o => _db.Target.Configure(o));
        services.AddSingleton(_db.Factory);
        services.AddSingleton(TimeProvider.System);
        services.AddIdentityCore<AdStudioUser>(PasswordAndLockout.Configure)
            .AddRoles<AdStudioRole>()
            .AddEntityFrameworkStores<AdStudioDb>()
            .AddDefaultTokenProviders();
        services.AddScoped<UserAdministration>();
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AdStudioRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new AdStudioRole(role));
        }
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<UserOutcome> RunAsync(Func<UserAdministration, Task<UserOutcome>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    private async Task<int> CreateAsync(string email, params string[] roles)
    {
        var outcome = await RunAsync(a => a.CreateAsync(email, "a-long-enough-password", roles, Operator, CancellationToken.None));
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.User!.Id;
    }

    [Fact]
    public async Task LastEnabledAdmin_CannotLoseTheRoleOrBeDisabled_UntilAnotherAdminExists()
    {
        // Arrange
        var only = await CreateAsync("only-admin@adstudio.test", Roles.Admin);

        // Act
        var demote = await RunAsync(a => a.SetRolesAsync(only, [Roles.Analyst], Operator, CancellationToken.None));
        var disable = await RunAsync(a => a.DisableAsync(only, Operator, CancellationToken.None));
        var second = await CreateAsync("second-admin@adstudio.test", Roles.Admin);
        var demoteNow = await RunAsync(a => a.SetRolesAsync(only, [Roles.Analyst], Operator, CancellationToken.None));

        // Assert
        Assert.Equal(UserOutcomeKind.Conflict, demote.Kind);
        Assert.Contains("last enabled admin", demote.Message, StringComparison.Ordinal);
        Assert.Equal(UserOutcomeKind.Conflict, disable.Kind);
        Assert.True(demoteNow.Succeeded, demoteNow.Message);
        Assert.Equal([Roles.Analyst], demoteNow.User!.Roles);
        var disableLast = await RunAsync(a => a.DisableAsync(second, Operator, CancellationToken.None));
        Assert.Equal(UserOutcomeKind.Conflict, disableLast.Kind);
    }

    [Fact]
    public async Task DisabledAdmin_DoesNotCountAsTheOtherAdmin()
    {
        var first = await CreateAsync("first@adstudio.test", Roles.Admin);
        var second = await CreateAsync("second@adstudio.test", Roles.Admin);
        Assert.True((await RunAsync(a => a.DisableAsync(first, Operator, CancellationToken.None))).Succeeded);

        var demote = await RunAsync(a => a.SetRolesAsync(second, [Roles.Marketer], Operator, CancellationToken.None));

        Assert.Equal(UserOutcomeKind.Conflict, demote.Kind);
    }

    [Fact]
    public async Task Changes_AreAuditedWithTheActingAdmin()
    {
        var id = await CreateAsync("audited@adstudio.test", Roles.Marketer);

        await RunAsync(a => a.SetRolesAsync(id, [Roles.Marketer, Roles.Reviewer], Operator, CancellationToken.None));
        await RunAsync(a => a.DisableAsync(id, Operator, CancellationToken.None));
        await RunAsync(a => a.EnableAsync(id, Operator, CancellationToken.None));
        await RunAsync(a => a.ResetPasswordAsync(id, "a-new-long-password", Operator, CancellationToken.None));
        await RunAsync(a => a.RequireTwoFactorAsync(id, true, Operator, CancellationToken.None));

        await using var db = _db.Open();
        var entries = await db.AuditEntries.Where(e => e.EntityType == "user" && e.EntityId == id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["created", "roles-changed", "disabled", "enabled", "password-reset", "2fa-required"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("operator@adstudio.test", e.Actor));
        Assert.Contains("marketer → marketer, reviewer", entries[1].Details, StringComparison.Ordinal);
    }
}
