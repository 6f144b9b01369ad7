using AdStudio.Core.Events;
using AdStudio.Core.Serving;
using AdStudio.Web.Features.Storefront;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Events;

public static class EventsEndpoints
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/events", IngestAsync).WithTags("Events").WithBodyLimit(app, l => l.EventsBodyBytes).ForStorefront(app);
        return app;
    }

    /// <summary>
    /// Validates the whole batch first (all or nothing, so a client can fix and resend without doubles),
    /// then answers 202 only once the batching writer has committed it. Ad events of expired decisions
    /// are not an error: they are left out and reported.
    /// </summary>
    internal static async Task<Results<Accepted<EventsAccepted>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        HttpRequest request,
        EventValidator validator,
        BatchingEventWriter writer,
        IOptions<EventWriterOptions> options,
        StoredImpressionCounter impressions,
        StorageProblems storage,
        CancellationToken ct)
    {
        var (body, error) = await JsonBody.ReadAsync(request, EventsJsonContext.Default.IncomingEventBatch, ct);
        if (body is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        if (body.Events is not { Count: > 0 } events)
        {
            return ApiProblems.BadRequest("The body needs a non-empty \"events\" array.");
        }

        var max = options.Value.MaxEventsPerRequest;
        if (events.Count > max)
        {
            return ApiProblems.BadRequest($"A batch holds at most {max} events; this one has {events.Count}. Split it.");
        }

        var errors = new Dictionary<string, string[]>();
        var (batch, expired) = validator.Validate(events, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, $"{errors.Count} field(s) are not valid; no event of the batch was stored.");
        }

        var result = new EventWriteResult(0, 0, 0);
        try
        {
            if (batch.Count > 0)
            {
                result = await writer.WriteAsync(batch, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return storage.Unavailable(request.HttpContext.Response, "POST /events", batch.Count, ex);
        }

        // Impressions count toward frequency caps at once, not only after the next snapshot refresh.
        impressions.CountStored(batch.AdEvents);

        return TypedResults.Accepted((string?)null, new EventsAccepted(
            result.Stored, result.Duplicates, expired.Length, expired, result.WithoutConsent, result.Suppressed));
    }
}
