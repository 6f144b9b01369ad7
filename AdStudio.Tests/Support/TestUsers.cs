using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AdStudio.Tests.Support;

/// <summary>Creates users with chosen roles through <c>POST /api/users</c> (as the bootstrap admin), each with a unique e-mail.</summary>
public static class TestUsers
{
    public const string Password = "a-long-enough-test-password";

    public static async Task<TestUser> CreateAsync(AppHost app, params string[] roles)
    {
        var email = $"{string.Join("-", roles)}-{Guid.NewGuid():N}@adstudio.test";
        using var admin = app.CreateClient();
        using var response = await admin.PostAsJsonAsync("/api/users", new { email, password = Password, roles });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Could not create {email}: {(int)response.StatusCode} {body}");
        }

        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
        using var anonymous = app.CreateAnonymousClient();
        return new TestUser(id, email, Password, await TestCredentials.TokenAsync(anonymous, email, Password));
    }
}
