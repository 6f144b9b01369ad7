using AdStudio.Core.Storefront;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Features.Storefront;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdStudio.Tests.Web.Features.Storefront;

/// <summary>The page over the app's real key service and database; keys are named uniquely and revoked afterwards.</summary>
[Collection(RunningApp.Name)]
public sealed class StorefrontKeysPageTests(AppHost app) : IAsyncLifetime
{
    private BunitContext _context = null!;

    public Task InitializeAsync()
    {
        _context = UiTestContext.Create(services => services.AddSingleton(app.Services.GetRequiredService<StorefrontKeyService>()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Page_NoKeys_ShowsEmptyState()
    {
        // The shared app holds other tests' keys: the empty page gets a database of its own.
        await using var database = await TestDatabase.CreateAsync();
        var refresher = new StorefrontKeyRefresher(
            database.Factory, new StorefrontKeyHolder(), new StorefrontKeyUsages(), Options.Create(new AuthOptions()),
            Options.Create(new StorefrontOptions()), TimeProvider.System, NullLogger<StorefrontKeyRefresher>.Instance);
        var keys = new StorefrontKeyService(database.Factory, refresher, Options.Create(new AuthOptions()), TimeProvider.System);
        await using var context = UiTestContext.Create(services => services.AddSingleton(keys));

        var page = context.Render<StorefrontKeys>();

        page.WaitForAssertion(() => Assert.Contains("No storefront keys yet", page.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=keys]"));
        refresher.Dispose();
    }

    [Fact]
    public async Task Create_Name_ShowsKeyOnceWithWarningThenListsItWithoutTheKey()
    {
        var name = $"page key {Guid.NewGuid():N}";
        var page = _context.Render<StorefrontKeys>();
        var dialogs = _context.Render<MudDialogProvider>();

        page.Find("[data-testid=new-key]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("input[data-testid=key-name], [data-testid=key-name] input")));
        dialogs.Find("input[data-testid=key-name], [data-testid=key-name] input").Change(name);
        dialogs.Find("[data-testid=create-key]").Click();

        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=key-warning]")));
        var shown = dialogs.Find("input[data-testid=created-key], [data-testid=created-key] input").GetAttribute("value")!;
        Assert.StartsWith("as_", shown, StringComparison.Ordinal);
        await using (var db = app.OpenDb())
        {
            var stored = await db.StorefrontKeys.SingleAsync(k => k.Name == name);
            Assert.Equal(StorefrontKeyRing.HashHex(shown), stored.KeyHash);
        }

        dialogs.Find("[data-testid=done]").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=created-key]")));
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-key-name='{name}']")));
        Assert.DoesNotContain(shown, page.Markup, StringComparison.Ordinal);
        Assert.Contains(shown[..8], page.Markup, StringComparison.Ordinal);

        // Opening the dialog again shows a blank form, never the old key.
        page.Find("[data-testid=new-key]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("input[data-testid=key-name], [data-testid=key-name] input")));
        Assert.DoesNotContain(shown, dialogs.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_Confirmed_MarksKeyRevoked()
    {
        var (id, key) = await StorefrontClients.CreateKeyAsync(app, $"page revoke {Guid.NewGuid():N}");
        var page = _context.Render<StorefrontKeys>();
        var dialogs = _context.Render<MudDialogProvider>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-revoke='{id}']")));
        page.Find($"[data-revoke='{id}']").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=confirm-revoke]")));
        dialogs.Find("[data-testid=confirm-revoke]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-revoke='{id}']")));
        await using var db = app.OpenDb();
        var stored = await db.StorefrontKeys.SingleAsync(k => k.Id == id);
        Assert.Equal(UiTestContext.UserEmail, stored.RevokedBy);
        using var refused = await StorefrontClients.ServeAsync(app, key);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
