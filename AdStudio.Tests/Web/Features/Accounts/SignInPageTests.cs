using System.Net;
using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Accounts;

/// <summary>The statically rendered sign-in form against the running app: cookies, the one refusal message, sign-out.</summary>
[Collection(RunningApp.Name)]
public sealed class SignInPageTests(AppHost app) : IDisposable
{
    private readonly HttpClient _browser = StaticForms.CreateBrowserClient(app.BaseAddress);

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task SignIn_RightPassword_SetsTheCookieAndOpensTheReturnPage()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketer);

        using var answer = await StaticForms.SignInAsync(_browser, email, TestUsers.Password, "/account/sign-in?returnUrl=%2Fjobs");

        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        Assert.Equal(new Uri(app.BaseAddress, "/jobs"), answer.Headers.Location);
        Assert.Contains(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith("AdStudio.Auth=", StringComparison.Ordinal));
        using var page = await _browser.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(email, html, StringComparison.Ordinal);
        Assert.Contains("marketer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsTheGenericMessageAndAuditsTheReason()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Analyst);

        using var answer = await StaticForms.SignInAsync(_browser, email, "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(SignIn.FailureMessage, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(answer.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("AdStudio.Auth=", StringComparison.Ordinal)));
        using var home = await _browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Found, home.StatusCode);
        Assert.StartsWith("/account/sign-in", home.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var entry = await db.AuditEntries.Where(e => e.Actor == email).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal("sign-in-failed", entry.Action);
        Assert.Contains("wrong password; sign-in page", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnknownEmailOrDisabledAccount_ShowsTheSameMessageAsAWrongPassword()
    {
        var disabled = await TestUsers.CreateAsync(app.Services, Roles.Marketer);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AdStudioUser>>();
            var user = await users.FindByEmailAsync(disabled);
            user!.DisabledAt = DateTime.UtcNow;
            await users.UpdateAsync(user);
        }

        using var unknown = await StaticForms.SignInAsync(_browser, $"nobody-{Guid.NewGuid():N}@adstudio.test", TestUsers.Password);
        using var refused = await StaticForms.SignInAsync(_browser, disabled, TestUsers.Password);

        Assert.Contains(SignIn.FailureMessage, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(SignIn.FailureMessage, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var entry = await db.AuditEntries.Where(e => e.Actor == disabled).OrderByDescending(e => e.Id).FirstAsync();
        Assert.StartsWith("disabled;", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheAccountEvenAgainstTheRightOne()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketer);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await StaticForms.SignInAsync(_browser, email, $"wrong-password-number-{attempt}");
        }

        using var right = await StaticForms.SignInAsync(_browser, email, TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(SignIn.FailureMessage, await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var entry = await db.AuditEntries.Where(e => e.Actor == email).OrderByDescending(e => e.Id).FirstAsync();
        Assert.StartsWith("locked out;", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ReturnUrlOnAnotherHost_GoesHomeInstead()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Analyst);

        using var answer = await StaticForms.SignInAsync(
            _browser, email, TestUsers.Password, "/account/sign-in?returnUrl=" + Uri.EscapeDataString("//evil.example/phish"));

        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        Assert.Equal(new Uri(app.BaseAddress, "/"), answer.Headers.Location);
    }

    [Fact]
    public async Task SignOut_FormFromTheUserMenu_EndsTheSessionAndIsAudited()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Reviewer);
        using (await StaticForms.SignInAsync(_browser, email, TestUsers.Password))
        {
        }

        using var answer = await SignOutAsync();

        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        Assert.Equal(AccountsSetup.SignInPath, answer.Headers.Location?.OriginalString);
        using var home = await _browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Found, home.StatusCode);
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == email && e.Action == "signed-out"));
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefusedAndKeepsTheSession()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Reviewer);
        using (await StaticForms.SignInAsync(_browser, email, TestUsers.Password))
        {
        }

        using var answer = await _browser.PostAsync(AccountsSetup.SignOutPath, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        using var home = await _browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task AccessDenied_RefusedAdminPage_NamesTheRoleNeededAndTheUsersRoles()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketer);
        using (await StaticForms.SignInAsync(_browser, email, TestUsers.Password))
        {
        }

        // The cookie's access-denied redirect adds the refused page's policy as "need".
        var html = await _browser.GetStringAsync($"{AccountsSetup.AccessDeniedPath}?ReturnUrl=%2Fadmin%2Fusers&need={Policies.Admin}");

        Assert.Contains("data-testid=\"needed-roles\">admin<", html, StringComparison.Ordinal);
        Assert.Contains("the role marketer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactorGate_RequiredButNotEnrolled_SendsEveryPageToEnrolment()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Analyst, requireTwoFactor: true);
        using (await StaticForms.SignInAsync(_browser, email, TestUsers.Password))
        {
        }

        using var home = await _browser.GetAsync("/");
        using var campaigns = await _browser.GetAsync("/campaigns");
        var enrol = await _browser.GetStringAsync(TwoFactorGate.EnrolPath);

        Assert.Equal(TwoFactorGate.EnrolPath, home.Headers.Location?.OriginalString);
        Assert.Equal(TwoFactorGate.EnrolPath, campaigns.Headers.Location?.OriginalString);
        Assert.Contains("data-testid=\"two-factor-required\"", enrol, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"two-factor-qr\"><svg", enrol, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SignOutAsync()
    {
        // The user menu on any page carries the sign-out form and its token.
        var page = await _browser.GetStringAsync("/campaigns");
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", StaticForms.AntiforgeryToken(page))]);
        return await _browser.PostAsync(AccountsSetup.SignOutPath, form);
    }
}
