using AdStudio.Core.Accounts;
using Hangfire.Dashboard;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>Hangfire's own check, kept in step with the endpoint policy: the dashboard is for admins.</summary>
public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
