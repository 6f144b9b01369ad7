namespace AdStudio.Web.Infrastructure;

/// <summary>
/// Who is making an API change, for the audit trail: the <c>X-Actor</c> header, else "api". AdStudio has no
/// sign-in yet, so this is what the caller says, not a verified identity.
/// </summary>
public static class Actor
{
    public static string Of(HttpRequest request)
    {
        var header = request.Headers["X-Actor"].ToString();
        return string.IsNullOrWhiteSpace(header) ? "api" : header.Trim()[..Math.Min(header.Trim().Length, 128)];
    }
}
