using System.Net;
using System.Text.RegularExpressions;
using AdStudio.Core.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Support;

/// <summary>A browser-like session: the sign-in cookie (and, when asked, an antiforgery token pair) in a cookie container.</summary>
public sealed partial class CookieSession : IDisposable
{
    public const string AuthCookie = "AdStudio.Auth";

    private CookieSession(HttpClient client, CookieContainer cookies, Uri baseAddress)
    {
        Client = client;
        Cookies = cookies;
        BaseAddress = baseAddress;
    }

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress { get; }

    /// <summary>The sign-in cookie's value, for a real browser (Playwright) to carry.</summary>
    public string AuthCookieValue => Cookies.GetCookies(BaseAddress)[AuthCookie]?.Value ?? "";

    /// <summary>
    /// A session whose sign-in cookie is written by the app's own cookie handler format (the exact bytes a successful
    /// sign-in sets), for tests that are about what happens after sign-in rather than the sign-in form.
    /// </summary>
    public static async Task<CookieSession> ForUserAsync(AppHost app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdStudioUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AdStudioUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(
            principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, IdentityConstants.ApplicationScheme);
        var session = Create(app);
        session.Cookies.Add(app.BaseAddress, new Cookie(AuthCookie, options.TicketDataFormat.Protect(ticket)));
        return session;
    }

    /// <summary>
    /// Signs in through the sign-in page's contract: a static form at <c>/account/sign-in</c> whose hidden inputs
    /// (the antiforgery field among them) are posted back with the inputs named <c>…Email</c> and <c>…Password</c>.
    /// </summary>
    public static async Task<CookieSession> SignInAsync(AppHost app, string email, string password)
    {
        var session = Create(app);
        var page = await session.Client.GetStringAsync("/account/sign-in");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputTag().Matches(page))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null)
            {
                continue;
            }

            if (string.Equals(Attribute(tag, "type"), "hidden", StringComparison.OrdinalIgnoreCase))
            {
                fields.Add(new(name, WebUtility.HtmlDecode(Attribute(tag, "value") ?? "")));
            }
            else if (name.EndsWith("Email", StringComparison.Ordinal))
            {
                fields.Add(new(name, email));
            }
            else if (name.EndsWith("Password", StringComparison.Ordinal))
            {
                fields.Add(new(name, password));
            }
        }

        using var response = await session.Client.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields));
        if (session.AuthCookieValue.Length == 0)
        {
            throw new InvalidOperationException($"Signing in as {email} set no cookie: {(int)response.StatusCode}.");
        }

        return session;
    }

    /// <summary>
    /// A valid antiforgery pair for this session's user, as AdStudio's pages hold it: the cookie goes into the
    /// container, the request token is returned for the <c>RequestVerificationToken</c> header or form field.
    /// </summary>
    public async Task<string> AntiforgeryTokenAsync(AppHost app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdStudioUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AdStudioUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = await signIn.CreateUserPrincipalAsync(user) };
        var tokens = scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        Cookies.Add(BaseAddress, new Cookie(scope.ServiceProvider.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!, tokens.CookieToken!));
        return tokens.RequestToken!;
    }

    public void Dispose() => Client.Dispose();

    private static CookieSession Create(AppHost app)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        return new CookieSession(client, cookies, app.BaseAddress);
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"""\b{name}\s*=\s*"([^"]*)"  """.TrimEnd(), RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();
}
