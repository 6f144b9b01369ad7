using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AdStudio.Core.Accounts;
using AdStudio.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Security;

/// <summary>Lockout after five wrong passwords, and a disabled account's token refused at once.</summary>
[Collection(RunningApp.Name)]
public sealed class AccountProtectionTests(AppHost app)
{
    [Fact]
    public async Task Token_AfterFiveWrongPasswords_RightPasswordGetsTheSame401For15Minutes()
    {
        var email = await TestUsers.CreateAsync(app, Roles.Analyst);
        using var client = app.CreateAnonymousClient();
        string? wrongAnswer = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/token", new { email, password = "not-the-password-at-all" });
            var problem = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
            wrongAnswer = $"{problem.GetProperty("title")}|{problem.GetProperty("detail")}";
        }

        using var right = await client.PostAsJsonAsync("/api/auth/token", new { email, password = TestUsers.Password });

        var refused = await ProblemAssert.IsProblemAsync(right, HttpStatusCode.Unauthorized);
        Assert.Equal(wrongAnswer, $"{refused.GetProperty("title")}|{refused.GetProperty("detail")}");
        await using var db = app.OpenDb();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        Assert.NotNull(user.LockoutEnd);
        var remaining = user.LockoutEnd!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(remaining, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Actor == email && a.Action == "sign-in-failed" && a.Details!.StartsWith("locked out")));
    }

    [Fact]
    public async Task Token_OfUserDisabledAfterIssue_IsRefusedAtOnce()
    {
        var email = await TestUsers.CreateAsync(app, Roles.Marketer);
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestCredentials.TokenAsync(client, email, TestUsers.Password));
        using (var before = await client.GetAsync("/api/campaigns"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AdStudioUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.DisabledAt = DateTime.UtcNow;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            Assert.True((await users.UpdateSecurityStampAsync(user)).Succeeded);
        }

        using var after = await client.GetAsync("/api/campaigns");
        using var newToken = await app.CreateAnonymousClient().PostAsJsonAsync("/api/auth/token", new { email, password = TestUsers.Password });

        await ProblemAssert.IsProblemAsync(after, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(newToken, HttpStatusCode.Unauthorized);
    }
}
