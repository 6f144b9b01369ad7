using AdStudio.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace AdStudio.Web.Features.Accounts;

/// <summary>
/// What a caller may do, by feature; each maps to the roles allowed. Endpoints and pages name one of these
/// rather than roles, so the role matrix lives in one place.
/// </summary>
public static class Policies
{
    /// <summary>Read anything but raw shopper ids and the audit log: every role.</summary>
    public const string Read = "read";

    /// <summary>Segments, creatives, campaigns, experiments, import, models, non-destructive pipeline steps.</summary>
    public const string Edit = "edit";

    /// <summary>Approve or reject creatives.</summary>
    public const string Review = "review";

    /// <summary>The audit log.</summary>
    public const string Audit = "audit";

    /// <summary>Users, storefront keys, the job dashboard, destructive steps, raw-id exports.</summary>
    public const string Admin = "admin";

    /// <summary>The role matrix: the roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedRoles { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Read] = Roles.All,
        [Edit] = [Roles.Admin, Roles.Marketer],
        [Review] = [Roles.Admin, Roles.Reviewer],
        [Audit] = [Roles.Admin, Roles.Analyst],
        [Admin] = [Roles.Admin],
    };

    /// <summary>The policies a holder of <paramref name="roles"/> satisfies.</summary>
    public static IReadOnlyList<string> SatisfiedBy(IEnumerable<string> roles) =>
        [.. AllowedRoles.Where(p => p.Value.Intersect(roles, StringComparer.Ordinal).Any()).Select(p => p.Key)];

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, roles) in AllowedRoles)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        // Anything mapped without its own rule still needs a signed-in user with a role: a new endpoint cannot slip through.
        options.DefaultPolicy = options.GetPolicy(Read)!;
        options.FallbackPolicy = options.GetPolicy(Read);
    }
}
