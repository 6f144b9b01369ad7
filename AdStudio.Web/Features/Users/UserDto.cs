using AdStudio.Core.Accounts;

namespace AdStudio.Web.Features.Users;

/// <summary>An account as <c>GET /api/users</c> and the Users page show it; never a password hash or a stamp.</summary>
public sealed record UserDto(
    int Id,
    string Email,
    IReadOnlyList<string> Roles,
    DateTime Created,
    bool Disabled,
    DateTime? LockedOutUntil,
    bool TwoFactorEnabled,
    bool RequireTwoFactor)
{
    public static UserDto From(AdStudioUser user, IEnumerable<string> roles, DateTime now) => new(
        user.Id,
        user.Email ?? user.UserName ?? "",
        [.. roles.OrderBy(r => IndexOf(r))],
        user.CreatedAt,
        user.IsDisabled,
        user.LockoutEnd is { } end && end.UtcDateTime > now ? end.UtcDateTime : null,
        user.TwoFactorEnabled,
        user.RequireTwoFactor);

    // The matrix order (admin, marketer, reviewer, analyst) reads better than alphabetical.
    private static int IndexOf(string role) => global::AdStudio.Core.Accounts.Roles.All.ToList().IndexOf(role);
}
