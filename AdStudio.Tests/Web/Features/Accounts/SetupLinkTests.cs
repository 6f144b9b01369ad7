using System.Net;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Accounts;

/// <summary>An app started without a bootstrap admin: closed until the one-time set-up link creates the first one.</summary>
[Collection(OwnApps.Name)]
public sealed class SetupLinkTests : IAsyncLifetime, IDisposable
{
    private readonly string _directory = TempFolder.Create("setup");
    private AdStudioFactory _factory = null!;
    private HttpClient _browser = null!;

    public Task InitializeAsync()
    {
        _factory = new AdStudioFactory(_directory, new Dictionary<string, string>
        {
            ["Auth:BootstrapAdmin:Email"] = "",
            ["Auth:BootstrapAdmin:Password"] = "",
            ["Demo:Enabled"] = "false",
        });
        _factory.StartServer();
        using var client = _factory.CreateClient();
        _browser = StaticForms.CreateBrowserClient(client.BaseAddress!);
        return Task.CompletedTask;
    }

    /// <summary>xunit calls <see cref="DisposeAsync"/> first; this only covers a test that never started.</summary>
    public void Dispose() => _factory?.Dispose();

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TempFolder.Delete(_directory);
    }

    private string PendingToken => _factory.Services.GetRequiredService<SetupToken>().Open();

    [Theory]
    [InlineData("/")]
    [InlineData("/campaigns")]
    [InlineData("/account/sign-in")]
    public async Task UiPage_BeforeSetup_RedirectsToSetup(string path)
    {
        using var answer = await _browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        Assert.Equal(SetupGate.SetupPath, answer.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Api_BeforeSetup_Answers401()
    {
        using var answer = await _browser.GetAsync("/api/campaigns");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task SetupPage_WithoutOrWithWrongToken_ExplainsAndShowsNoForm()
    {
        var without = await _browser.GetStringAsync("/setup");
        var wrong = await _browser.GetStringAsync("/setup?token=not-the-token");

        Assert.Contains("data-testid=\"setup-waiting\"", without, StringComparison.Ordinal);
        Assert.Contains("console and log", without, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"setup-invalid\"", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Password\"", without, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Password\"", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupLink_UsedOnce_CreatesTheAdminAndIsRefusedTheSecondTime()
    {
        var link = $"/setup?token={Uri.EscapeDataString(PendingToken)}";
        var secondVisitor = StaticForms.CreateBrowserClient(_browser.BaseAddress!);
        var secondPage = await secondVisitor.GetStringAsync(link);

        using var created = await StaticForms.PostAsync(_browser, link, "setup", Fields("first@adstudio.test"));
        using var form = new FormUrlEncodedContent(
            [.. Fields("second@adstudio.test"), new("_handler", "setup"), new("__RequestVerificationToken", StaticForms.AntiforgeryToken(secondPage))]);
        using var second = await secondVisitor.PostAsync(link, form);

        Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        Assert.Equal("/", created.Headers.Location?.AbsolutePath);
        using (var home = await _browser.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var refused = await second.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"setup-done\"", refused, StringComparison.Ordinal);
        Assert.False(_factory.Services.GetRequiredService<SetupToken>().IsPending);
        using var token = await _browser.PostAsync("/api/auth/token", System.Net.Http.Json.JsonContent.Create(new { email = "second@adstudio.test", password = TestUsers.Password }));
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        secondVisitor.Dispose();
    }

    private static KeyValuePair<string, string>[] Fields(string email) =>
        [new("Email", email), new("Password", TestUsers.Password), new("ConfirmPassword", TestUsers.Password)];
}
