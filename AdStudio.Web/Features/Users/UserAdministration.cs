using System.Security.Claims;
using AdStudio.Core.Accounts;
using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Web.Features.Users;

/// <summary>
/// What an admin does to accounts, for the API and the Users page alike: create, change roles, disable and
/// enable, reset a password, require two-factor sign-in. Every change is audited with the acting admin.
/// Two guards keep the shop from locking itself out: the last enabled admin keeps the role and stays
/// enabled, and an admin does not change their own account here (their own password and authenticator
/// go through their account page, which asks for the current password).
/// </summary>
public sealed class UserAdministration(UserManager<AdStudioUser> users, IDbContextFactory<AdStudioDb> dbFactory, TimeProvider clock)
{
    public static string AllowedRoles => string.Join(", ", Roles.All);

    public async Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var now = Now();
        return [.. accounts.Select(u => UserDto.From(u, byUser[u.Id], now))];
    }

    public async Task<UserDto?> FindAsync(int id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ct.ThrowIfCancellationRequested();
        return user is null ? null : await DtoAsync(user);
    }

    public async Task<UserOutcome> CreateAsync(string? email, string? password, IReadOnlyList<string>? roles, ClaimsPrincipal by, CancellationToken ct)
    {
        if (CheckRoles(roles) is { } badRoles)
        {
            return badRoles;
        }

        var address = email?.Trim() ?? "";
        if (address.Length == 0)
        {
            return UserOutcome.Invalid("email", "Enter the user's e-mail address; it is also their sign-in name.");
        }

        if (string.IsNullOrEmpty(password))
        {
            return UserOutcome.Invalid("password", "Set a first password; the user can change it after signing in.");
        }

        if (await users.FindByEmailAsync(address) is not null)
        {
            return UserOutcome.Conflict($"A user with the e-mail {address} exists already.");
        }

        var user = new AdStudioUser { UserName = address, Email = address, CreatedAt = Now() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Failed(created);
        }

        var wanted = Distinct(roles!);
        var added = await users.AddToRolesAsync(user, wanted);
        if (!added.Succeeded)
        {
            // Roles were checked above; a failure here is a storage fault: leave no half-made account behind.
            await users.DeleteAsync(user);
            return Failed(added);
        }

        await AuditAsync(user.Id, by, "created", $"{address}; roles {string.Join(", ", wanted)}", ct);
        return UserOutcome.Done(await DtoAsync(user), $"Created {address}.");
    }

    /// <summary>Replaces the user's roles; the new stamp ends their sessions and tokens, so they sign in again with the new roles.</summary>
    public async Task<UserOutcome> SetRolesAsync(int id, IReadOnlyList<string>? roles, ClaimsPrincipal by, CancellationToken ct)
    {
        if (CheckRoles(roles) is { } badRoles)
        {
            return badRoles;
        }

        if (await users.FindByIdAsync(Key(id)) is not { } user)
        {
            return UserOutcome.NotFound(id);
        }

        if (IsSelf(user, by))
        {
            return UserOutcome.Conflict("You cannot change your own roles; another admin can.");
        }

        var current = await users.GetRolesAsync(user);
        var wanted = Distinct(roles!);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && !user.IsDisabled && await IsLastAdminAsync(user))
        {
            return UserOutcome.Conflict($"{user.Email} is the last enabled admin; make someone else an admin first.");
        }

        var removed = current.Except(wanted, StringComparer.Ordinal).ToList();
        var added = wanted.Except(current, StringComparer.Ordinal).ToList();
        if (removed.Count == 0 && added.Count == 0)
        {
            return UserOutcome.Done(await DtoAsync(user), "The roles are unchanged.");
        }

        var result = removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : IdentityResult.Success;
        result = result.Succeeded && added.Count > 0 ? await users.AddToRolesAsync(user, added) : result;
        result = result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result;
        if (!result.Succeeded)
        {
            return Failed(result);
        }

        await AuditAsync(user.Id, by, "roles-changed", $"{user.Email}: {Describe(current)} → {Describe(wanted)}", ct);
        return UserOutcome.Done(await DtoAsync(user), $"{user.Email} now has the roles {Describe(wanted)}.");
    }

    /// <summary>Disables the account: sign-in is refused, bearer tokens stop at once, cookie sessions within Auth:SessionCheckSeconds.</summary>
    public async Task<UserOutcome> DisableAsync(int id, ClaimsPrincipal by, CancellationToken ct)
    {
        if (await users.FindByIdAsync(Key(id)) is not { } user)
        {
            return UserOutcome.NotFound(id);
        }

        if (IsSelf(user, by))
        {
            return UserOutcome.Conflict("You cannot disable your own account; another admin can.");
        }

        if (user.IsDisabled)
        {
            return UserOutcome.Done(await DtoAsync(user), $"{user.Email} is disabled already.");
        }

        if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastAdminAsync(user))
        {
            return UserOutcome.Conflict($"{user.Email} is the last enabled admin; make someone else an admin first.");
        }

        user.DisabledAt = Now();
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return Failed(result);
        }

        await AuditAsync(user.Id, by, "disabled", user.Email, ct);
        return UserOutcome.Done(await DtoAsync(user), $"{user.Email} is disabled and signed out everywhere.");
    }

    public async Task<UserOutcome> EnableAsync(int id, ClaimsPrincipal by, CancellationToken ct)
    {
        if (await users.FindByIdAsync(Key(id)) is not { } user)
        {
            return UserOutcome.NotFound(id);
        }

        if (!user.IsDisabled)
        {
            return UserOutcome.Done(await DtoAsync(user), $"{user.Email} is enabled already.");
        }

        user.DisabledAt = null;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return Failed(result);
        }

        await AuditAsync(user.Id, by, "enabled", user.Email, ct);
        return UserOutcome.Done(await DtoAsync(user), $"{user.Email} can sign in again.");
    }

    /// <summary>Sets a new password (no mail server is assumed), ends the user's sessions and lifts a lockout.</summary>
    public async Task<UserOutcome> ResetPasswordAsync(int id, string? password, ClaimsPrincipal by, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            return UserOutcome.Invalid("password", "Enter the new password.");
        }

        if (await users.FindByIdAsync(Key(id)) is not { } user)
        {
            return UserOutcome.NotFound(id);
        }

        if (IsSelf(user, by))
        {
            return UserOutcome.Conflict("Change your own password on your account page; it asks for the current one.");
        }

        // A reset token rather than remove-then-add: the password is validated before the old one is dropped.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return Failed(result);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(user.Id, by, "password-reset", $"{user.Email}; lockout cleared", ct);
        return UserOutcome.Done(await DtoAsync(user), $"{user.Email} has a new password and is signed out everywhere.");
    }

    /// <summary>
    /// Requires (or stops requiring) an authenticator app. Requiring it of a user who has none ends their sessions,
    /// so their next sign-in asks them to enrol.
    /// </summary>
    public async Task<UserOutcome> RequireTwoFactorAsync(int id, bool required, ClaimsPrincipal by, CancellationToken ct)
    {
        if (await users.FindByIdAsync(Key(id)) is not { } user)
        {
            return UserOutcome.NotFound(id);
        }

        if (IsSelf(user, by))
        {
            return UserOutcome.Conflict("Set up your own authenticator on your account page; another admin can require it of you.");
        }

        if (user.RequireTwoFactor == required)
        {
            return UserOutcome.Done(await DtoAsync(user), "Unchanged.");
        }

        user.RequireTwoFactor = required;
        var result = required && !user.TwoFactorEnabled ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return Failed(result);
        }

        await AuditAsync(user.Id, by, required ? "2fa-required" : "2fa-not-required", user.Email, ct);
        return UserOutcome.Done(
            await DtoAsync(user),
            required ? $"{user.Email} must sign in with an authenticator app." : $"{user.Email} may sign in without an authenticator app.");
    }

    private static UserOutcome? CheckRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            return UserOutcome.Invalid("roles", $"Give the user at least one role: {AllowedRoles}.");
        }

        var unknown = roles.Where(r => r is null || !Roles.IsKnown(r)).Select(r => r is null ? "null" : $"'{Printable(r)}'").Distinct().ToList();
        return unknown.Count == 0
            ? null
            : UserOutcome.Invalid("roles", $"Unknown role {string.Join(", ", unknown)}. The roles are: {AllowedRoles}.");
    }

    private static List<string> Distinct(IReadOnlyList<string> roles) => [.. Roles.All.Where(r => roles.Contains(r, StringComparer.Ordinal))];

    private static string Describe(IEnumerable<string> roles) => roles.Any() ? string.Join(", ", roles) : "none";

    private static string Printable(string text) => new([.. text.Where(c => !char.IsControl(c)).Take(40)]);

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Identity's own messages, filed under the field they are about.</summary>
    private static UserOutcome Failed(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
        {
            return UserOutcome.Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        var errors = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return UserOutcome.Invalid(errors);
    }

    private bool IsSelf(AdStudioUser user, ClaimsPrincipal by) =>
        users.GetUserId(by) is { } id
            ? id == Key(user.Id)
            : string.Equals(Actor.Of(by), user.Email, StringComparison.OrdinalIgnoreCase);

    private async Task<bool> IsLastAdminAsync(AdStudioUser user) =>
        !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(a => a.Id != user.Id && !a.IsDisabled);

    private async Task<UserDto> DtoAsync(AdStudioUser user) => UserDto.From(user, await users.GetRolesAsync(user), Now());

    private async Task AuditAsync(int userId, ClaimsPrincipal by, string action, string? details, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        AuditTrail.Add(db, AuditTrail.User, userId, Actor.Of(by), action, details, Now());
        await db.SaveChangesAsync(ct);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
