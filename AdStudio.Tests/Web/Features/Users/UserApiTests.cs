using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Users;

[Collection(RunningApp.Name)]
public sealed class UserApiTests(AppHost app)
{
    private static string[] Of(params string[] roles) => roles;

    private static string NewEmail(string what) => $"{what}-{Guid.NewGuid():N}@adstudio.test";

    [Fact]
    public async Task Create_ValidUser_Answers201WithIdAndTheListShowsIt()
    {
        // Arrange
        using var admin = app.CreateClient();
        var email = NewEmail("create");

        // Act
        using var response = await admin.PostAsJsonAsync("/api/users", new { email, password = TestUsers.Password, roles = Of("marketer", "reviewer") });

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal($"/api/users/{id}", response.Headers.Location?.OriginalString);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("id").GetInt32() == id);
        Assert.Equal(email, listed.GetProperty("email").GetString());
        Assert.Equal(["marketer", "reviewer"], listed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(listed.GetProperty("disabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("lockedOutUntil").ValueKind);
        Assert.False(listed.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.False(listed.GetProperty("requireTwoFactor").GetBoolean());
        Assert.True(listed.TryGetProperty("created", out _));
        await using var db = app.OpenDb();
        Assert.Contains(db.AuditEntries, a => a.EntityType == "user" && a.EntityId == id && a.Action == "created" && a.Actor == TestCredentials.AdminEmail);
    }

    [Fact]
    public async Task Create_DuplicateEmail_Answers409()
    {
        // Arrange
        using var admin = app.CreateClient();
        var email = NewEmail("twice");
        using var first = await admin.PostAsJsonAsync("/api/users", new { email, password = TestUsers.Password, roles = Of("analyst") });

        // Act
        using var second = await admin.PostAsJsonAsync("/api/users", new { email = email.ToUpperInvariant(), password = TestUsers.Password, roles = Of("analyst") });

        // Assert
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_WeakPassword_Answers400WithIdentityMessagesUnderPassword()
    {
        using var admin = app.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/users", new { email = NewEmail("weak"), password = "short", roles = Of("analyst") });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty("password").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("12", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_UnknownRole_Answers400NamingTheAllowedRoles()
    {
        using var admin = app.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/users", new { email = NewEmail("role"), password = TestUsers.Password, roles = Of("superuser") });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("roles")[0].GetString();
        Assert.Contains("'superuser'", message, StringComparison.Ordinal);
        Assert.Contains("admin, marketer, reviewer, analyst", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRoles_AnalystMadeAdmin_OldTokenEndsAndTheNextTokenMayAdminister()
    {
        // Arrange
        var analyst = await TestUsers.CreateThroughApiAsync(app, "analyst");
        using var before = analyst.Client(app);
        using var forbidden = await before.GetAsync("/api/users");
        using var admin = app.CreateClient();

        // Act
        using var change = await admin.PutAsJsonAsync($"/api/users/{analyst.Id}/roles", new { roles = Of("admin", "analyst") });

        // Assert
        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        using var stale = await before.GetAsync("/api/users");
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        using var anonymous = app.CreateAnonymousClient();
        using var after = TestCredentials.Authorize(app.CreateAnonymousClient(), await TestCredentials.TokenAsync(anonymous, analyst.Email, analyst.Password));
        using var allowed = await after.GetAsync("/api/users");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task SetRoles_AdminDemotedToAnalyst_NextTokenIsForbidden()
    {
        var other = await TestUsers.CreateThroughApiAsync(app, "admin");
        using var admin = app.CreateClient();

        using var change = await admin.PutAsJsonAsync($"/api/users/{other.Id}/roles", new { roles = Of("analyst") });

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        using var anonymous = app.CreateAnonymousClient();
        using var after = TestCredentials.Authorize(app.CreateAnonymousClient(), await TestCredentials.TokenAsync(anonymous, other.Email, other.Password));
        await ProblemAssert.IsProblemAsync(await after.GetAsync("/api/users"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Disable_User_TheirTokenIs401AtOnceAndSignInIsRefused()
    {
        // Arrange
        var marketer = await TestUsers.CreateThroughApiAsync(app, "marketer");
        using var client = marketer.Client(app);
        using var working = await client.GetAsync("/api/campaigns");
        using var admin = app.CreateClient();

        // Act
        using var disable = await admin.PostAsync($"/api/users/{marketer.Id}/disable", null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, working.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.True((await disable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/campaigns")).StatusCode);
        using var anonymous = app.CreateAnonymousClient();
        using var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = marketer.Email, password = marketer.Password });
        await ProblemAssert.IsProblemAsync(signIn, HttpStatusCode.Unauthorized);
        using var enable = await admin.PostAsync($"/api/users/{marketer.Id}/enable", null);
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        using var again = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = marketer.Email, password = marketer.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task OwnAccount_RolesDisableOrPassword_Answer409AndChangeNothing()
    {
        using var admin = app.CreateClient();
        var me = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("email").GetString() == TestCredentials.AdminEmail);
        var id = me.GetProperty("id").GetInt32();

        using var roles = await admin.PutAsJsonAsync($"/api/users/{id}/roles", new { roles = Of("analyst") });
        using var disable = await admin.PostAsync($"/api/users/{id}/disable", null);
        using var password = await admin.PostAsJsonAsync($"/api/users/{id}/password", new { password = "another-long-password" });

        await ProblemAssert.IsProblemAsync(roles, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(disable, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(password, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_LockedOutUser_NewPasswordWorksOldDoesNotAndLockoutIsLifted()
    {
        // Arrange: five wrong passwords lock the account.
        var analyst = await TestUsers.CreateThroughApiAsync(app, "analyst");
        using var anonymous = app.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = analyst.Email, password = "wrong-password-000" });
        }

        using var admin = app.CreateClient();
        var locked = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("id").GetInt32() == analyst.Id);

        // Act
        using var reset = await admin.PostAsJsonAsync($"/api/users/{analyst.Id}/password", new { password = "the-new-long-password" });

        // Assert
        Assert.Equal(JsonValueKind.String, locked.GetProperty("lockedOutUntil").ValueKind);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lockedOutUntil").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await analyst.Client(app).GetAsync("/api/campaigns")).StatusCode);
        using var old = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = analyst.Email, password = analyst.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using var fresh = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = analyst.Email, password = "the-new-long-password" });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_Answers400()
    {
        var analyst = await TestUsers.CreateThroughApiAsync(app, "analyst");
        using var admin = app.CreateClient();

        using var reset = await admin.PostAsJsonAsync($"/api/users/{analyst.Id}/password", new { password = "tiny" });

        var problem = await ProblemAssert.IsProblemAsync(reset, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task RequireTwoFactor_UserWithoutAuthenticator_IsRequiredAndCannotGetATokenUntilEnrolled()
    {
        var reviewer = await TestUsers.CreateThroughApiAsync(app, "reviewer");
        using var admin = app.CreateClient();

        using var require = await admin.PutAsJsonAsync($"/api/users/{reviewer.Id}/two-factor", new { required = true });

        Assert.Equal(HttpStatusCode.OK, require.StatusCode);
        Assert.True((await require.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requireTwoFactor").GetBoolean());
        using var anonymous = app.CreateAnonymousClient();
        using var token = await anonymous.PostAsJsonAsync("/api/auth/token", new { email = reviewer.Email, password = reviewer.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        using var missing = await admin.PutAsJsonAsync($"/api/users/{reviewer.Id}/two-factor", new { });
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownUser_Answers404()
    {
        using var admin = app.CreateClient();

        using var response = await admin.PostAsync("/api/users/987654/disable", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("marketer")]
    [InlineData("reviewer")]
    [InlineData("analyst")]
    public async Task UsersApi_NonAdmin_Answers403(string role)
    {
        var user = await TestUsers.CreateThroughApiAsync(app, role);
        using var client = user.Client(app);

        using var list = await client.GetAsync("/api/users");
        using var create = await client.PostAsJsonAsync("/api/users", new { email = NewEmail("sneaky"), password = TestUsers.Password, roles = Of("admin") });

        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UsersApi_NoCredentials_Answers401()
    {
        using var anonymous = app.CreateAnonymousClient();

        using var response = await anonymous.GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
