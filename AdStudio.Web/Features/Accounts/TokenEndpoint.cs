using AdStudio.Core.Auditing;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Accounts;

public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueAsync).WithTags("Accounts").AllowAnonymous().WithBodyLimit(app, l => l.ApiBodyBytes).RequireSignInRateLimit();
        return app;
    }

    /// <summary>
    /// A wrong password, an unknown e-mail, a locked-out or disabled account all answer the same 401, so the
    /// answer tells an attacker nothing; the audit log records the real reason.
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueAsync(
        HttpContext context, TokenIssuer issuer, SignInAudit audit, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(context.Request, AccountsJsonContext.Default.TokenRequest, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var outcome = await issuer.IssueAsync(body);
        await audit.RecordAsync(outcome.User, body.Email, outcome.Token is not null, outcome.Reason, "api token", context, ct);
        if (outcome.Token is null)
        {
            return TypedResults.Problem(
                title: "Sign-in failed.",
                detail: "The e-mail, password or two-factor code is not right, or the account cannot sign in now.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return TypedResults.Ok(outcome.Token);
    }
}
