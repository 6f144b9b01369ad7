using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Infrastructure;

/// <summary>Reads a multipart or url-encoded form and turns a malformed or over-limit form into a 400 or 413 problem.</summary>
public static class FormBody
{
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (InvalidDataException ex) when (IsLimit(ex))
        {
            return (null, ApiProblems.TooLarge($"The form is over a limit: {ex.Message}"));
        }
        catch (InvalidDataException ex)
        {
            return (null, ApiProblems.BadRequest($"The form is malformed: {ex.Message}"));
        }
        catch (IOException ex) when (IsTruncated(ex))
        {
            return (null, ApiProblems.BadRequest("The multipart body ends before its closing boundary (truncated, or a boundary other than the Content-Type's)."));
        }
    }

    // The form reader reports every exceeded FormOptions limit (part count, part size, part header length and
    // count, key and value length) as an InvalidDataException whose message names the limit; everything else
    // it reports that way (no boundary, a bad header line or disposition) is malformed input.
    private static bool IsLimit(InvalidDataException ex) => ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);

    // A multipart body that stops before its closing boundary is a plain IOException from the multipart reader.
    // Kestrel's own refusals (BadHttpRequestException, also an IOException) and disk errors while buffering a part
    // are not the client's malformed multipart and go on to the exception handler.
    private static bool IsTruncated(IOException ex) =>
        ex is not BadHttpRequestException && ex.Message.StartsWith("Unexpected end of", StringComparison.Ordinal);
}
