using AdStudio.Core.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace AdStudio.Web.Features.Accounts;

/// <summary><c>POST /account/sign-out</c>: a form post from the user menu (never a GET, which any page could trigger).</summary>
public static class SignOutEndpoint
{
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost(AccountsSetup.SignOutPath, SignOutAsync)
            .WithTags("Accounts")
            .ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .RequireAuthorization(AccountPolicies.SignedIn);
        return app;
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutAsync(
        HttpContext context, SignInManager<AdStudioUser> signIn, AccountAudit audit, CancellationToken ct)
    {
        // The antiforgery middleware only records its verdict (the metadata above asks it to); this post binds
        // no form fields, so nothing else would refuse a forged one.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            return ApiProblems.BadRequest("The form is out of date; reload the page and sign out again.");
        }

        var user = await signIn.UserManager.GetUserAsync(context.User);
        await signIn.SignOutAsync();
        if (user is not null)
        {
            await audit.RecordAsync(user, AccountAudit.SignedOut, "sign-out", ct);
        }

        return TypedResults.Redirect(AccountsSetup.SignInPath);
    }
}
