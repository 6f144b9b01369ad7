using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Infrastructure;

/// <summary>RFC 7807 answers for the API's bad-input cases.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail, string title = "The request is not valid.") =>
        TypedResults.Problem(detail: detail, title: title, statusCode: StatusCodes.Status400BadRequest);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string detail) =>
        TypedResults.ValidationProblem(errors, detail: detail, title: "One or more fields are not valid.");

    /// <summary>Field-level rule failures as a validation problem; a failure without fields is filed under <paramref name="subject"/>.</summary>
    public static ValidationProblem Fields(IEnumerable<(string Field, string Message)> findings, string detail, string subject)
    {
        var errors = findings.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
        return Invalid(errors.Count == 0 ? new Dictionary<string, string[]> { [subject] = [detail] } : errors, detail);
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, title: "Not found.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail: detail, title: "The request body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail: detail, title: "Temporarily unavailable; retry later.", statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>A 503 with a <c>Retry-After</c> header (whole seconds), so clients back off instead of hammering.</summary>
    public static ProblemHttpResult Unavailable(HttpResponse response, string detail, TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail: detail,
            title: "Temporarily unavailable; retry later.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }
}
