using AdStudio.Core.Shoppers.Import;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Import;

public static class ImportEndpoints
{
    public static IHostApplicationBuilder AddImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CsvImporter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapImport(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/import").WithTags("Import");
        api.MapPost("/{kind}", ImportAsync)
            .WithFormLimits(app, l => l.ImportBodyBytes, EndpointLimits.LimitsOf(app).ImportBodyBytes)
            .RequireAuthorization(Policies.Edit);
        api.MapGet("/reports/{id}.csv", (string id, CsvImporter importer) =>
            importer.ReportPath(id) is { } path
                ? (IResult)TypedResults.PhysicalFile(path, "text/csv", $"import-errors-{id}.csv")
                : ApiProblems.NotFound("There is no such import report."))
            .RequireAuthorization(Policies.Edit);
        return app;
    }

    /// <summary>
    /// Imports a CSV sent as a multipart file (any field name) or as a text/csv body. Streamed row by row; the
    /// answer counts imported, unchanged and rejected rows and lists the problems (also as a downloadable report).
    /// </summary>
    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(string kind, HttpRequest request, CsvImporter importer, CancellationToken ct)
    {
        if (kind is not (CsvImporter.Shoppers or CsvImporter.Events))
        {
            return ApiProblems.NotFound($"Import \"{CsvImporter.Shoppers}\" or \"{CsvImporter.Events}\".");
        }

        Stream? stream = null;
        try
        {
            var (csv, isRequestBody, problem) = await CsvBody.OpenAsync(request, ct);
            if (csv is null)
            {
                return problem!;
            }

            stream = csv;
            if (isRequestBody)
            {
                // The CSV reader reads synchronously, which Kestrel forbids on the request body: spool it to a
                // temporary file first (never to memory), deleted when the import ends.
                stream = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
                await csv.CopyToAsync(stream, ct);
                stream.Position = 0;
            }

            var result = await importer.ImportAsync(kind, stream, Actor.Of(request), ct);
            return TypedResults.Ok(ImportResponse.From(result));
        }
        catch (ImportFormatException ex)
        {
            return ApiProblems.BadRequest(ex.Message, "The file cannot be imported.");
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
    }
}
