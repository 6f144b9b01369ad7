using System.Security.Cryptography;

namespace AdStudio.Web.Features.Security;

/// <summary>
/// The per-response nonce that lets the page's own inline script (the import map) run under the
/// Content-Security-Policy while any injected script is refused. Made only when a page asks for it.
/// </summary>
public static class CspNonce
{
    private static readonly object ItemKey = new();

    /// <summary>The response's nonce, made on first use.</summary>
    public static string For(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var existing) && existing is string nonce)
        {
            return nonce;
        }

        // URL-safe base64 without padding: nothing in it needs escaping in an HTML attribute.
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        context.Items[ItemKey] = nonce;
        return nonce;
    }

    /// <summary>The nonce if the response used one, otherwise null.</summary>
    public static string? Peek(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var existing) ? existing as string : null;
}
