using System.Net;
using System.Text.RegularExpressions;
using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Web.Features.Accounts;

/// <summary>Enrolling an authenticator app on the two-factor page, then signing in with its code.</summary>
[Collection(RunningApp.Name)]
public sealed partial class TwoFactorTests(AppHost app) : IDisposable
{
    private readonly HttpClient _browser = StaticForms.CreateBrowserClient(app.BaseAddress);

    public void Dispose() => _browser.Dispose();

    [Fact]
    public async Task Enrol_WithTheAppsCode_TurnsTwoFactorOnAndShowsRecoveryCodes()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketer);

        var (enabled, _) = await EnrolAsync(email);

        Assert.Equal(10, RecoveryCode().Count(enabled));
        await using var db = app.OpenDb();
        Assert.True(await db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == email && e.Action == "two-factor-enabled"));
    }

    [Fact]
    public async Task Enrol_WrongCode_LeavesTwoFactorOff()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Marketer);
        using (await StaticForms.SignInAsync(_browser, email, TestUsers.Password))
        {
        }

        var key = SharedKey(await _browser.GetStringAsync("/account/two-factor"));
        var wrong = Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1));
        using var answer = await StaticForms.PostAsync(_browser, "/account/two-factor", "enable-two-factor", [new("Code", wrong)]);

        Assert.Contains("That code is not right", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.False(await db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());
    }

    [Fact]
    public async Task SignIn_TwoFactorOn_AsksForTheCodeAndSignsInWithIt()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Analyst);
        var (_, key) = await EnrolAsync(email);
        using var fresh = StaticForms.CreateBrowserClient(app.BaseAddress);

        using var password = await StaticForms.SignInAsync(fresh, email, TestUsers.Password, "/account/sign-in?returnUrl=%2Fcampaigns");
        Assert.Equal(HttpStatusCode.Found, password.StatusCode);
        Assert.Equal("/account/sign-in/two-factor", password.Headers.Location!.AbsolutePath);
        using (var notYet = await fresh.GetAsync("/campaigns"))
        {
            Assert.Equal(HttpStatusCode.Found, notYet.StatusCode);
            Assert.Equal("/account/sign-in", notYet.Headers.Location!.AbsolutePath);
        }

        var step = password.Headers.Location!.PathAndQuery;
        using var wrong = await StaticForms.PostAsync(fresh, step, "two-factor", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1)))]);
        Assert.Contains("data-testid=\"two-factor-error\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var right = await StaticForms.PostAsync(fresh, step, "two-factor", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))]);

        Assert.Equal(HttpStatusCode.Found, right.StatusCode);
        Assert.Equal("/campaigns", right.Headers.Location!.AbsolutePath);
        using var page = await fresh.GetAsync("/campaigns");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private async Task<(string Page, string Key)> EnrolAsync(string email)
    {
        using (await StaticForms.SignInAsync(_browser, email, TestUsers.Password))
        {
        }

        var key = SharedKey(await _browser.GetStringAsync("/account/two-factor"));
        using var answer = await StaticForms.PostAsync(_browser, "/account/two-factor", "enable-two-factor", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"two-factor-on\"", page, StringComparison.Ordinal);
        return (page, key);
    }

    private static string SharedKey(string page) => SharedKeyField().Match(page).Groups[1].Value;

    [GeneratedRegex("data-testid=\"shared-key\">([a-z2-7 ]+)<")]
    private static partial Regex SharedKeyField();

    [GeneratedRegex("<code>[a-zA-Z0-9]{5}-[a-zA-Z0-9]{5}</code>")]
    private static partial Regex RecoveryCode();
}
