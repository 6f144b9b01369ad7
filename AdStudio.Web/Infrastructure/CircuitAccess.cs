using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace AdStudio.Web.Infrastructure;

/// <summary>
/// The server-side guard for changes a page makes by calling a Core service from its circuit: hiding a button
/// is not a check, so each handler asks here whether the signed-in user meets the policy, and gets the actor
/// for the audit trail in the same step.
/// </summary>
public sealed class CircuitAccess(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public const string Refused = "Your role does not allow this change.";

    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>The signed-in user's actor name when they satisfy <paramref name="policy"/>; null when they do not.</summary>
    public async Task<string?> ActorIfAllowedAsync(string policy)
    {
        var user = await UserAsync();
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded ? Actor.Of(user) : null;
    }
}
