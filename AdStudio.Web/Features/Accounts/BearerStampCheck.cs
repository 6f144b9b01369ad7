using AdStudio.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AdStudio.Web.Features.Accounts;

/// <summary>
/// Bearer tokens carry the account's security stamp; the token handler does not look at it, so this does:
/// a token of a disabled account, or one issued before a password or role change, stops working at once.
/// </summary>
public sealed class BearerStampCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SignInManager<AdStudioUser> signIn)
    {
        if (context.User.Identity?.IsAuthenticated == true && AuthSchemes.HasBearer(context.Request))
        {
            var user = await signIn.ValidateSecurityStampAsync(context.User);
            if (user is null || user.IsDisabled)
            {
                context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            }
        }

        await next(context);
    }
}
