using System.Text;
using QRCoder;

namespace AdStudio.Web.Features.Accounts;

/// <summary>The <c>otpauth://</c> link an authenticator app reads, as text and as an inline SVG QR code.</summary>
public static class AuthenticatorLink
{
    public static string Uri(string email, string sharedKey) =>
        $"otpauth://totp/AdStudio:{System.Uri.EscapeDataString(email)}?secret={sharedKey}&issuer=AdStudio&digits=6";

    /// <summary>An SVG drawn by QRCoder: no script and no image request, so the page's CSP needs nothing extra.</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(4);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    /// <summary>The key in groups of four, easier to type by hand.</summary>
    public static string Readable(string sharedKey)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sharedKey.Length; i += 4)
        {
            text.Append(sharedKey.AsSpan(i, Math.Min(4, sharedKey.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
