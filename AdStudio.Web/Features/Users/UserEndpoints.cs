using System.Security.Claims;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Users;

public static class UserEndpoints
{
    public static IHostApplicationBuilder AddUsers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserAdministration>();
        return builder;
    }

    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        api.MapGet("/", async (UserAdministration admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)));
        api.MapPost("/", CreateAsync);
        api.MapPut("/{id:int}/roles", RolesAsync);
        api.MapPost("/{id:int}/disable", (int id, ClaimsPrincipal user, UserAdministration admin, CancellationToken ct) =>
            AnswerAsync(admin.DisableAsync(id, user, ct)));
        api.MapPost("/{id:int}/enable", (int id, ClaimsPrincipal user, UserAdministration admin, CancellationToken ct) =>
            AnswerAsync(admin.EnableAsync(id, user, ct)));
        api.MapPost("/{id:int}/password", PasswordAsync);
        api.MapPut("/{id:int}/two-factor", TwoFactorAsync);
        return app;
    }

    private static async Task<Results<Created<CreatedUser>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, UserAdministration admin, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, UsersJsonContext.Default.CreateUserRequest, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var outcome = await admin.CreateAsync(body.Email, body.Password, body.Roles, request.HttpContext.User, ct);
        return Answer(outcome, user => TypedResults.Created($"/api/users/{user.Id}", new CreatedUser(user.Id)));
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> RolesAsync(
        int id, HttpRequest request, UserAdministration admin, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, UsersJsonContext.Default.RolesRequest, ct);
        return body is null ? ApiProblems.BadRequest(error!) : await AnswerAsync(admin.SetRolesAsync(id, body.Roles, request.HttpContext.User, ct));
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> PasswordAsync(
        int id, HttpRequest request, UserAdministration admin, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, UsersJsonContext.Default.PasswordRequest, ct);
        return body is null ? ApiProblems.BadRequest(error!) : await AnswerAsync(admin.ResetPasswordAsync(id, body.Password, request.HttpContext.User, ct));
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> TwoFactorAsync(
        int id, HttpRequest request, UserAdministration admin, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, UsersJsonContext.Default.TwoFactorRequirementRequest, ct);
        if (body?.Required is not { } required)
        {
            return ApiProblems.BadRequest(error ?? "The body needs \"required\": true or false.");
        }

        return await AnswerAsync(admin.RequireTwoFactorAsync(id, required, request.HttpContext.User, ct));
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(Task<UserOutcome> change) =>
        Answer(await change, TypedResults.Ok);

    /// <summary>Invalid input is 400 with field errors, an unknown id 404, a guard (duplicate, last admin, own account) 409.</summary>
    private static Results<T, ValidationProblem, ProblemHttpResult> Answer<T>(UserOutcome outcome, Func<UserDto, T> done)
        where T : IResult
    {
        if (outcome.Succeeded && outcome.User is { } user)
        {
            return done(user);
        }

        if (outcome.Kind == UserOutcomeKind.Invalid)
        {
            return ApiProblems.Invalid(outcome.Errors!.ToDictionary(e => e.Key, e => e.Value), outcome.Message);
        }

        return outcome.Kind == UserOutcomeKind.NotFound
            ? ApiProblems.NotFound(outcome.Message)
            : TypedResults.Problem(detail: outcome.Message, title: "The change conflicts with the accounts as they are.", statusCode: StatusCodes.Status409Conflict);
    }
}
