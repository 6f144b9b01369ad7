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

    // The user manager is resolved only for signed-in page requests: injected into InvokeAsync, it (and a
    // DbContext) would be built for every request, the storefront's hot path included.
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && UiPages.IsPage(context)
            && !context.Request.Path.Equals(EnrolPath, StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.Equals(AccountsSetup.AccessDeniedPath, StringComparison.OrdinalIgnoreCase)
            && await context.RequestServices.GetRequiredService<UserManager<AdStudioUser>>().GetUserAsync(context.User)
                is { RequireTwoFactor: true, TwoFactorEnabled: false })
        {
            context.Response.Redirect(EnrolPath);
            return;
        }

        await next(context);
    }
}
