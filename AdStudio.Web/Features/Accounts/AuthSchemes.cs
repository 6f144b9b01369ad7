using Microsoft.AspNetCore.Identity;

namespace AdStudio.Web.Features.Accounts;

/// <summary>
/// One default scheme that forwards to bearer tokens when the request carries one and to the UI's cookie
/// otherwise, so every endpoint accepts both and a challenge answers in the caller's own terms.
/// </summary>
public static class AuthSchemes
{
    public const string Default = "AdStudio";

    public static string Select(HttpContext context) =>
        HasBearer(context.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
