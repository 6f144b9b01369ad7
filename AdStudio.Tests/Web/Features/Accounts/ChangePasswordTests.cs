using System.Net;
using System.Net.Http.Json;
using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Web.Features.Accounts;

/// <summary>The change-password page: the current password is required, the new one replaces it at once.</summary>
[Collection(RunningApp.Name)]
public sealed class ChangePasswordTests(AppHost app) : IDisposable
{
    private const string NewPassword = "a-brand-new-passphrase";
    private readonly HttpClient _browser = StaticForms.CreateBrowserClient(app.BaseAddress);

    public void Dispose() => _browser.Dispose();

    private Task<HttpResponseMessage> ChangeAsync(string current, string next, string confirm) =>
        StaticForms.PostAsync(_browser, "/account/password", "change-password",
            [new("CurrentPassword", current), new("NewPassword", next), new("ConfirmPassword", confirm)]);

    [Fact]
    public async Task ChangePassword_RightCurrentPassword_ReplacesItKeepsThisSessionAndIsAudited()
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Reviewer);
        using (await StaticForms.SignInAsync(_browser, email, TestUsers.Password))
        {
        }

        using var answer = await ChangeAsync(TestUsers.Password, NewPassword, NewPassword);

        Assert.Contains("data-testid=\"password-changed\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var stillSignedIn = await _browser.GetAsync("/campaigns"))
        {
            Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        }

        using var api = app.CreateAnonymousClient();
        using var old = await api.PostAsJsonAsync("/api/auth/token", new { email, password = TestUsers.Password });
        using var fresh = await api.PostAsJsonAsync("/api/auth/token", new { email, password = NewPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == email && e.Action == "password-changed"));
    }

    [Theory]
    [InlineData("not-the-current-password", NewPassword, NewPassword)]
    [InlineData(TestUsers.Password, NewPassword, "a-different-confirmation")]
    [InlineData(TestUsers.Password, "short", "short")]
    public async Task ChangePassword_BadInput_ShowsWhyAndKeepsTheOldPassword(string current, string next, string confirm)
    {
        var email = await TestUsers.CreateAsync(app.Services, Roles.Reviewer);
        using (await StaticForms.SignInAsync(_browser, email, TestUsers.Password))
        {
        }

        using var answer = await ChangeAsync(current, next, confirm);

        Assert.Contains("data-testid=\"password-error\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var api = app.CreateAnonymousClient();
        using var old = await api.PostAsJsonAsync("/api/auth/token", new { email, password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }
}
