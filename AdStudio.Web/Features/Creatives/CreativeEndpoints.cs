using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Audit;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Creatives.Uploads;
using AdStudio.Core.Infrastructure;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace AdStudio.Web.Features.Creatives;

public static class CreativeEndpoints
{
    private const int MaxFilesPerUpload = 20;

    public static IEndpointRouteBuilder MapCreatives(this IEndpointRouteBuilder app)
    {
        // Images are public: the storefront shows them to shoppers.
        app.MapGet(CreativeStore.PublicPrefix + "{file}", FileAsync).WithTags("Creatives").AllowAnonymous();
        var api = app.MapGroup("/api/creatives").WithTags("Creatives");
        api.MapGet("/", ListAsync).RequireAuthorization(Policies.Read);
        api.MapGet("/{id:int}", GetAsync).RequireAuthorization(Policies.Read);
        var creativeOptions = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CreativeOptions>>().Value;

        // A file over Creatives:MaxUploadBytes is refused by the form reader as an over-long part (413, like every
        // other size limit) before it is buffered, rather than after as a per-file field error.
        api.MapPost("/", UploadAsync)
            .WithFormLimits(app, l => l.UploadBodyBytes, creativeOptions.MaxUploadBytes)
            .RequireAuthorization(Policies.Edit);
        api.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Policies.Edit);
        api.MapPost("/{id:int}/submit", SubmitAsync).RequireAuthorization(Policies.Edit);
        api.MapPost("/{id:int}/approve", ApproveAsync).RequireAuthorization(Policies.Review);
        api.MapPost("/{id:int}/reject", RejectAsync).RequireAuthorization(Policies.Review);
        api.MapGet("/{id:int}/history", HistoryAsync).RequireAuthorization(Policies.Read);
        return app;
    }

    // Stored images never change (the name is their hash), so browsers and CDNs may keep them for a year. The bytes come
    // from the file store, so any node serves any image; a matching If-None-Match still answers 304.
    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(string file, CreativeStore store, HttpResponse response, CancellationToken ct)
    {
        if (await store.ReadAsync(file, ct) is not { } bytes)
        {
            return TypedResults.NotFound();
        }

        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.File(bytes, CreativeStore.ContentTypeOf(file), entityTag: new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(file)}\""));
    }

    private static async Task<Ok<CreativeDto[]>> ListAsync(IDbContextFactory<AdStudioDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creatives = await db.Creatives.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        return TypedResults.Ok(creatives.Select(CreativeDto.From).ToArray());
    }

    private static async Task<Results<Ok<CreativeDto>, ProblemHttpResult>> GetAsync(int id, IDbContextFactory<AdStudioDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Creatives.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } creative
            ? TypedResults.Ok(CreativeDto.From(creative))
            : ApiProblems.NotFound($"There is no creative {id}.");
    }

    /// <summary>
    /// Multipart upload of one or more images (field name free). The service checks all files before it stores any,
    /// so a batch either lands whole or not at all, with a reason per bad file.
    /// </summary>
    private static async Task<Results<Created<CreativeDto[]>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, CreativeService creatives, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ApiProblems.BadRequest("Upload images as multipart/form-data.");
        }

        var (form, problem) = await FormBody.ReadAsync(request, ct);
        if (form is null)
        {
            return problem!;
        }

        if (form.Files.Count is 0 or > MaxFilesPerUpload)
        {
            return ApiProblems.BadRequest($"Send between 1 and {MaxFilesPerUpload} image files.");
        }

        var files = new List<UploadFile>(form.Files.Count);
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            files.Add(new UploadFile(file.FileName, buffer.ToArray()));
        }

        var result = await creatives.UploadAsync(files, Actor.Of(request), ct);
        if (!result.IsStored)
        {
            var errors = result.Refused.ToDictionary(refused => $"files[{refused.Index}]", refused => new[] { $"{Printable(refused.FileName)}: {refused.Reason}" });
            return ApiProblems.Invalid(errors, $"{errors.Count} of {files.Count} file(s) were refused; nothing was stored.");
        }

        var created = result.Created.Select(CreativeDto.From).ToArray();
        return TypedResults.Created($"/api/creatives/{created[0].Id}", created);
    }

    private static async Task<Results<Ok<CreativeDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, HttpRequest request, CreativeService creatives, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, CreativesJsonContext.Default.CreativeCopy, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        return await RunAsync(async () => TypedResults.Ok(CreativeDto.From(await creatives.SaveCopyAsync(id, body, Actor.Of(request), ct))));
    }

    private static Task<Results<Ok<CreativeDto>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        int id, HttpRequest request, CreativeService creatives, IDbContextFactory<AdStudioDb> dbFactory, CancellationToken ct) =>
        RunAsync<Ok<CreativeDto>>(async () =>
        {
            var findings = await creatives.SubmitAsync(id, Actor.Of(request), ct);
            if (findings.Count > 0)
            {
                throw new CreativeRuleException("The automatic checks found problems; the creative stays a draft.", findings);
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return TypedResults.Ok(CreativeDto.From(await db.Creatives.AsNoTracking().FirstAsync(c => c.Id == id, ct)));
        });

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ApproveAsync(int id, HttpRequest request, CreativeService creatives, CancellationToken ct)
    {
        // Approving needs no reasons, so an empty body is fine; a body, if sent, must be a valid review request.
        var (body, error) = request.ContentLength == 0 || (request.ContentLength is null && request.ContentType is null)
            ? (new ReviewRequest(null), null)
            : await JsonBody.ReadAsync(request, CreativesJsonContext.Default.ReviewRequest, ct);
        return body is null
            ? ApiProblems.BadRequest(error!)
            : await RunAsync<NoContent>(async () =>
            {
                await creatives.ApproveAsync(id, Actor.Of(request), ct);
                return TypedResults.NoContent();
            });
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RejectAsync(int id, HttpRequest request, CreativeService creatives, CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, CreativesJsonContext.Default.ReviewRequest, ct);
        return body is null
            ? ApiProblems.BadRequest(error!)
            : await RunAsync<NoContent>(async () =>
            {
                await creatives.RejectAsync(id, Actor.Of(request), body.Reasons ?? "", ct);
                return TypedResults.NoContent();
            });
    }

    private static async Task<Ok<AuditEntryDto[]>> HistoryAsync(int id, CreativeService creatives, CancellationToken ct) =>
        TypedResults.Ok((await creatives.HistoryAsync(id, ct)).Select(AuditEntryDto.From).ToArray());

    private static async Task<Results<T, ValidationProblem, ProblemHttpResult>> RunAsync<T>(Func<Task<T>> action)
        where T : IResult
    {
        try
        {
            return await action();
        }
        catch (CreativeRuleException ex)
        {
            return CreativeProblems.Of(ex);
        }
        catch (KeyNotFoundException ex)
        {
            return ApiProblems.NotFound(ex.Message);
        }
        catch (FourEyesException ex)
        {
            return TypedResults.Problem(detail: ex.Message, title: "Four-eyes review: someone else must decide.", statusCode: StatusCodes.Status403Forbidden);
        }
    }

    private static string Printable(string? name) => new([.. (name ?? "").Where(character => !char.IsControl(character)).Take(80)]);
}
