using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Accounts;
using AdStudio.Core.Auditing;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Web.Features.Storefront;

[Collection(RunningApp.Name)]
public sealed class StorefrontKeyApiTests(AppHost app)
{
    private static string UniqueName(string what) => $"{what} {Guid.NewGuid():N}";

    [Fact]
    public async Task Serve_WithoutKey_Answers401SayingTheKeyIsMissing()
    {
        using var response = await StorefrontClients.ServeAsync(app, key: null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("needs the storefront key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_WithoutKey_Answers401()
    {
        using var response = await StorefrontClients.EventsAsync(app, key: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("as_not-a-key-anyone-made-0123456789abcdefghijklm")]
    [InlineData("test-storefront-key-0123456789abcdeF")]
    public async Task ServeAndEvents_WrongKey_Answer401SayingTheKeyIsNotValid(string key)
    {
        using var serve = await StorefrontClients.ServeAsync(app, key);
        using var events = await StorefrontClients.EventsAsync(app, key);

        var problem = await ProblemAssert.IsProblemAsync(serve, HttpStatusCode.Unauthorized);
        Assert.Contains("does not hold a valid storefront key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(events, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ServeAndEvents_ConfigKey_AreAnswered()
    {
        using var serve = await StorefrontClients.ServeAsync(app, TestCredentials.StorefrontKey);
        using var events = await StorefrontClients.EventsAsync(app, TestCredentials.StorefrontKey);

        Assert.Equal(HttpStatusCode.OK, serve.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
    }

    [Fact]
    public async Task Serve_AdminBearerTokenButNoKey_Answers401()
    {
        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.AdminToken);

        using var response = await client.PostAsJsonAsync("/serve", new { shopperId = "shopper-000001", placement = "sidebar" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_Name_Answers201WithKeyThatWorksOnServeAndEvents()
    {
        var name = UniqueName("web shop");
        using var admin = app.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/storefront-keys", new { name });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        Assert.Equal(name, created.GetProperty("name").GetString());
        Assert.StartsWith("as_", key, StringComparison.Ordinal);
        Assert.Equal(46, key.Length);
        using var serve = await StorefrontClients.ServeAsync(app, key);
        using var events = await StorefrontClients.EventsAsync(app, key);
        Assert.Equal(HttpStatusCode.OK, serve.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
    }

    [Fact]
    public async Task Create_Key_StoresOnlyHashAndPrefixAndAuditsTheAdmin()
    {
        var (id, key) = await StorefrontClients.CreateKeyAsync(app, UniqueName("audited"));

        await using var db = app.OpenDb();
        var stored = await db.StorefrontKeys.SingleAsync(k => k.Id == id);
        Assert.Equal(AdStudio.Core.Storefront.StorefrontKeyRing.HashHex(key), stored.KeyHash);
        Assert.Equal(key[..8], stored.Prefix);
        Assert.DoesNotContain(key, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
        var audit = await db.AuditEntries.SingleAsync(e => e.EntityType == AuditTrail.StorefrontKey && e.EntityId == id);
        Assert.Equal(("created", TestCredentials.AdminEmail), (audit.Action, audit.Actor));
    }

    [Fact]
    public async Task Revoke_Key_Answers204AndServeRefusesItWithinASecond()
    {
        var (id, key) = await StorefrontClients.CreateKeyAsync(app, UniqueName("revoked"));
        using (var before = await StorefrontClients.ServeAsync(app, key))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = app.CreateClient();
        using var revoke = await admin.DeleteAsync($"/api/storefront-keys/{id}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await Poll.UntilAsync(
            async () =>
            {
                using var response = await StorefrontClients.ServeAsync(app, key);
                return response.StatusCode;
            },
            status => status == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(1),
            "the revoked key is refused");
        using var refused = await StorefrontClients.ServeAsync(app, key);
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Contains("does not hold a valid storefront key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_Twice_Answers204AgainAndAuditsOnce()
    {
        var (id, _) = await StorefrontClients.CreateKeyAsync(app, UniqueName("twice"));
        using var admin = app.CreateClient();

        using var first = await admin.DeleteAsync($"/api/storefront-keys/{id}");
        using var second = await admin.DeleteAsync($"/api/storefront-keys/{id}");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, second.StatusCode));
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == AuditTrail.StorefrontKey && e.EntityId == id && e.Action == "revoked"));
    }

    [Fact]
    public async Task Revoke_UnknownId_Answers404()
    {
        using var admin = app.CreateClient();

        using var response = await admin.DeleteAsync("/api/storefront-keys/987654321");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_AfterUse_ShowsRequestCountAndLastUse()
    {
        var name = UniqueName("counted");
        var (id, key) = await StorefrontClients.CreateKeyAsync(app, name);
        for (var i = 0; i < 3; i++)
        {
            using var served = await StorefrontClients.ServeAsync(app, key);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        using var admin = app.CreateClient();
        var row = await Poll.UntilAsync(
            async () =>
            {
                var keys = await admin.GetFromJsonAsync<JsonElement>("/api/storefront-keys");
                return keys.EnumerateArray().Single(k => k.GetProperty("id").GetInt32() == id);
            },
            mine => mine.GetProperty("requestCount").GetInt64() == 3,
            TimeSpan.FromSeconds(20),
            "the key's usage is flushed to the database");

        Assert.Equal(name, row.GetProperty("name").GetString());
        Assert.Equal(key[..8], row.GetProperty("prefix").GetString());
        Assert.Equal(TestCredentials.AdminEmail, row.GetProperty("createdBy").GetString());
        Assert.True(row.GetProperty("lastUsed").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
        Assert.False(row.GetProperty("revoked").GetBoolean());
        Assert.False(row.TryGetProperty("key", out _));
    }

    [Theory]
    [InlineData("""{"name":""}""")]
    [InlineData("""{"name":"   "}""")]
    [InlineData("""{}""")]
    [InlineData("""{"name":"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x"}""")]
    [InlineData("""{"name":"a","name":"b"}""")]
    [InlineData("""{"name":42}""")]
    public async Task Create_BadName_Answers400(string body)
    {
        using var admin = app.CreateClient();

        using var response = await admin.PostAsync("/api/storefront-keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_NameOfActiveKeyInOtherCase_Answers409()
    {
        var name = UniqueName("Duplicate");
        await StorefrontClients.CreateKeyAsync(app, name);
        using var admin = app.CreateClient();

        using var response = await admin.PostAsJsonAsync("/api/storefront-keys", new { name = name.ToUpperInvariant() });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_NameOfRevokedKey_IsAllowed()
    {
        var name = UniqueName("reused");
        var (id, _) = await StorefrontClients.CreateKeyAsync(app, name);
        using var admin = app.CreateClient();
        using (var revoked = await admin.DeleteAsync($"/api/storefront-keys/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var response = await admin.PostAsJsonAsync("/api/storefront-keys", new { name });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.Analyst)]
    public async Task KeysApi_NotAdmin_Answers403(string role)
    {
        using var client = await StorefrontClients.UserClientAsync(app, role);

        using var list = await client.GetAsync("/api/storefront-keys");
        using var create = await client.PostAsJsonAsync("/api/storefront-keys", new { name = UniqueName("not allowed") });
        using var revoke = await client.DeleteAsync("/api/storefront-keys/1");

        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(revoke, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task KeysApi_NoCredentials_Answers401()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/api/storefront-keys");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Preflight_NoAllowedOriginsConfigured_GetsNoCorsHeaders()
    {
        using var client = app.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/serve");
        request.Headers.Add("Origin", "https://shop.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
