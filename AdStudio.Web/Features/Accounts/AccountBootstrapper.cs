using AdStudio.Core.Accounts;
using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Accounts;

/// <summary>
/// Makes sure the four roles exist and the app has a first administrator: from <c>Auth:BootstrapAdmin</c>, or
/// through the one-time <c>/setup</c> link printed at start.
/// </summary>
public sealed partial class AccountBootstrapper(
    IServiceScopeFactory scopes,
    IDbContextFactory<AdStudioDb> dbFactory,
    SetupToken setupToken,
    IOptions<AuthOptions> options,
    TimeProvider clock,
    ILogger<AccountBootstrapper> logger) : IDisposable
{
    private readonly SemaphoreSlim _firstAdmin = new(1, 1);

    public void Dispose() => _firstAdmin.Dispose();

    public async Task InitializeAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            // A scope per role: a create that lost a race leaves its entity tracked, and a later save would retry it.
            await using var roleScope = scopes.CreateAsyncScope();
            var roles = roleScope.ServiceProvider.GetRequiredService<RoleManager<AdStudioRole>>();
            if (!await roles.RoleExistsAsync(role))
            {
                var made = await CreatedUnlessRacedAsync(() => roles.CreateAsync(new AdStudioRole(role)));
                // Nodes starting together on one database race to create the roles: losing to another node is fine.
                if (!made.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    Require(made, $"create the role '{role}'");
                }
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdStudioUser>>();
        if (await users.Users.AnyAsync(ct))
        {
            return;
        }

        var bootstrap = options.Value.BootstrapAdmin;
        if (bootstrap.IsSet)
        {
            var result = await CreatedUnlessRacedAsync(() => CreateAdminAsync(users, bootstrap.Email!, bootstrap.Password!, "configuration", ct));
            if (!result.Succeeded && await users.Users.AnyAsync(ct))
            {
                return; // Another node starting at the same time created the administrator first.
            }

            Require(result, "create the administrator from Auth:BootstrapAdmin");
            LogBootstrapped(logger);
            return;
        }

        setupToken.Open();
    }

    /// <summary>Prints the set-up link once the server listens, so it names a real address (console and log).</summary>
    public void AnnounceSetupLink(IEnumerable<string> addresses)
    {
        if (!setupToken.IsPending)
        {
            return;
        }

        var baseAddress = addresses.FirstOrDefault() ?? "http://localhost:5000";
        var link = $"{baseAddress.TrimEnd('/')}/setup?token={setupToken.Open()}";
        Console.Out.WriteLine($"AdStudio has no users yet. Open {link} to create the first administrator (the link works once).");
        LogSetupLink(logger, link);
    }

    /// <summary>Creates the first administrator through the setup link; refused once any user exists or the token is wrong.</summary>
    public async Task<IdentityResult> CreateFirstAdminAsync(string? token, string email, string password, CancellationToken ct)
    {
        await _firstAdmin.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AdStudioUser>>();
            if (!setupToken.Matches(token) || await users.Users.AnyAsync(ct))
            {
                return IdentityResult.Failed(new IdentityError
                {
                    Code = "SetupClosed",
                    Description = "This set-up link is not valid any more: an administrator exists, or the app restarted and printed a new link.",
                });
            }

            var result = await CreateAdminAsync(users, email, password, "setup link", ct);
            if (result.Succeeded)
            {
                setupToken.Close();
            }

            return result;
        }
        finally
        {
            _firstAdmin.Release();
        }
    }

    private async Task<IdentityResult> CreateAdminAsync(
        UserManager<AdStudioUser> users, string email, string password, string via, CancellationToken ct)
    {
        var user = new AdStudioUser { UserName = email.Trim(), Email = email.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        var added = await users.AddToRoleAsync(user, Roles.Admin);
        if (!added.Succeeded)
        {
            return added;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        AuditTrail.Add(db, AuditTrail.User, user.Id, user.Email!, "created", $"first administrator, via {via}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>A unique-key violation (another node inserted the same role or user first) as a failed result, not an exception.</summary>
    private static async Task<IdentityResult> CreatedUnlessRacedAsync(Func<Task<IdentityResult>> create)
    {
        try
        {
            return await create();
        }
        catch (DbUpdateException ex)
        {
            return IdentityResult.Failed(new IdentityError { Code = "Raced", Description = ex.InnerException?.Message ?? ex.Message });
        }
    }

    private static void Require(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator from Auth:BootstrapAdmin.")]
    private static partial void LogBootstrapped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AdStudio has no users yet. Open {SetupLink} to create the first administrator (the link works once).")]
    private static partial void LogSetupLink(ILogger logger, string setupLink);
}
