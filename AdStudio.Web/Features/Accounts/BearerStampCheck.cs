using System.Security.Claims;
using AdStudio.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AdStudio.Web.Features.Accounts;

/// <summary>
/// Bearer tokens carry the account's security stamp; the token handler does not look at it, so this does:
/// a token of a disabled account, or one issued before a password or role change, stops working at once.
/// </summary>
public sealed class BearerStampCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && AuthSchemes.HasBearer(context.Request) ? CheckThenNextAsync(context) : next(context);

    // The sign-in manager is resolved here, not injected into InvokeAsync: injection would build it (a user
    // manager and a DbContext) for every request, /serve's included, which cost about a third of its throughput.
    private async Task CheckThenNextAsync(HttpContext context)
    {
        var signIn = context.RequestServices.GetRequiredService<SignInManager<AdStudioUser>>();
        var user = await signIn.ValidateSecurityStampAsync(context.User);
        if (user is null || user.IsDisabled)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    }
}
