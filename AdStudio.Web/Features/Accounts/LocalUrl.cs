using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Accounts;

/// <summary>Where to go after signing in: only a path on this site, never another host (an open redirect).</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) => IsLocal(url) ? url : "/";

    public static bool IsLocal([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? url) =>
        RedirectHttpResult.IsLocalUrl(url) && url.StartsWith('/');

    /// <summary>The sign-in page that returns to <paramref name="returnUrl"/> afterwards.</summary>
    public static string SignIn(string? returnUrl) =>
        IsLocal(returnUrl) && returnUrl != "/"
            ? $"{AccountsSetup.SignInPath}?returnUrl={Uri.EscapeDataString(returnUrl)}"
            : AccountsSetup.SignInPath;
}
