using AdStudio.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AdStudio.Web.Features.Accounts;

/// <summary>
/// A user whom an admin requires to use two-factor sign-in, and who has not enrolled yet, reaches only the
/// two-factor page (and sign-out) until they have: checked on the server for every UI page, not just hidden in the UI.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    public const string EnrolPath = "/account/two-factor";

    public async Task InvokeAsync(HttpContext context, UserManager<AdStudioUser> users)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && UiPages.IsPage(context)
            && !context.Request.Path.Equals(EnrolPath, StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.Equals(AccountsSetup.AccessDeniedPath, StringComparison.OrdinalIgnoreCase)
            && await users.GetUserAsync(context.User) is { RequireTwoFactor: true, TwoFactorEnabled: false })
        {
            context.Response.Redirect(EnrolPath);
            return;
        }

        await next(context);
    }
}
