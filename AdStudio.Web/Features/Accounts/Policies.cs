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

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(Edit, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Marketer));
        options.AddPolicy(Review, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Reviewer));
        options.AddPolicy(Audit, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Analyst));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        // Anything mapped without its own rule still needs a signed-in user with a role: a new endpoint cannot slip through.
        options.DefaultPolicy = options.GetPolicy(Read)!;
        options.FallbackPolicy = options.GetPolicy(Read);
    }
}
