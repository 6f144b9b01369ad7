using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Storefront;

public static class StorefrontKeyEndpoints
{
    public static IEndpointRouteBuilder MapStorefrontKeys(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/storefront-keys").WithTags("Storefront keys").RequireAuthorization(Policies.Admin);
        api.MapGet("/", ListAsync);
        api.MapPost("/", CreateAsync).WithBodyLimit(app, l => l.ApiBodyBytes);
        api.MapDelete("/{id:int}", RevokeAsync);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<StorefrontKeyDto>>> ListAsync(StorefrontKeyService keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.ListAsync(ct));

    /// <summary>201 with the key, shown this once; 400 for a missing or over-long name; 409 when an active key has the name.</summary>
    private static async Task<Results<Created<CreatedStorefrontKey>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, StorefrontKeyService keys, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, StorefrontJsonContext.Default.CreateStorefrontKeyRequest, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var outcome = await keys.CreateAsync(body.Name, Actor.Of(request), ct);
        if (outcome.Invalid is { } invalid)
        {
            return ApiProblems.BadRequest(invalid);
        }

        if (outcome.Conflict is { } conflict)
        {
            return TypedResults.Problem(detail: conflict, title: "The name is taken.", statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Created($"/api/storefront-keys/{outcome.Created!.Id}", outcome.Created);
    }

    /// <summary>204 once the key is revoked (also when it was already); 404 for an unknown id.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(int id, HttpRequest request, StorefrontKeyService keys, CancellationToken ct) =>
        await keys.RevokeAsync(id, Actor.Of(request), ct)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"There is no storefront key {id}.");
}
