using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AdStudio.Web.Infrastructure;

/// <summary>
/// Kestrel throws <see cref="BadHttpRequestException"/> from a body read when the body is over its limit (413),
/// arrives too slowly (408), ends before its Content-Length or has broken chunked framing (400). Those are the
/// client's faults: answer them with their own status as problem details instead of the exception handler's 500.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StatusOf(exception) is not { } status)
        {
            return false;
        }

        LogRefused(logger, status, httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = TitleOf(status), Detail = exception.Message },
        });
    }

    private static int? StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,

        // Kestrel reports a chunk size too large to parse as a plain IOException ("Bad chunk size data") instead of
        // a BadHttpRequestException; it is broken chunked framing all the same.
        IOException { InnerException: OverflowException } when ThrownByKestrel(exception) => StatusCodes.Status400BadRequest,
        _ => null,
    };

    private static bool ThrownByKestrel(Exception exception) =>
        exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true;

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
        _ => "The request could not be read.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string method, PathString path, string reason);
}
