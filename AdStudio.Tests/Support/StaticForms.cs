using System.Net;
using System.Text.RegularExpressions;

namespace AdStudio.Tests.Support;

/// <summary>
/// Posts the app's statically rendered forms the way a browser does: fetch the page, keep its cookies, send
/// back its antiforgery token and the form's handler name with the fields.
/// </summary>
public static partial class StaticForms
{
    /// <summary>A client that keeps cookies and does not follow redirects, so each answer can be checked.</summary>
    public static HttpClient CreateBrowserClient(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(path);
        var fieldsWithToken = fields
            .Append(new("_handler", handler))
            .Append(new("__RequestVerificationToken", AntiforgeryToken(page)));
        using var content = new FormUrlEncodedContent(fieldsWithToken);
        return await client.PostAsync(path, content);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string path = "/account/sign-in") =>
        PostAsync(client, path, "sign-in", [new("Email", email), new("Password", password)]);

    public static string AntiforgeryToken(string html)
    {
        var match = TokenField().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
