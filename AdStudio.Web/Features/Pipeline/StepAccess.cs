using System.Security.Claims;
using AdStudio.Core.Accounts;
using AdStudio.Core.Pipeline;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>Who may start which step: those that delete or copy data are the admin's; marketers start the rest.</summary>
public static class StepAccess
{
    private static readonly HashSet<string> AdminOnly = new(StringComparer.Ordinal) { PipelineSteps.Seed, PipelineSteps.Retention };

    public static bool IsAdminOnly(string step) => AdminOnly.Contains(step);

    public static bool MayStart(ClaimsPrincipal user, string step) =>
        user.IsInRole(Roles.Admin) || (!IsAdminOnly(step) && user.IsInRole(Roles.Marketer));
}
