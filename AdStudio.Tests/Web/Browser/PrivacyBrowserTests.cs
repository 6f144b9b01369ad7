using System.Text.Json;
using AdStudio.Tests.Support;
using AdStudio.Tests.Web.Features.Privacy;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>An admin answers an access and an erasure request from the Privacy page, in a real Chromium.</summary>
[Collection(RunningApp.Name)]
public sealed class PrivacyBrowserTests(AppHost app, BrowserSignIn signIn) : SignedInBrowserTest(app, signIn), IClassFixture<BrowserSignIn>
{
    [Fact]
    public async Task PrivacyPage_LookUpExportAndErase_DownloadsTheDocumentAndLogsBothRequests()
    {
        // Arrange: a shopper of the demo shop, in every table (their own, so other tests keep the demo's shoppers).
        var shopperId = ShopperFixture.NewId("browser-shopper");
        await ShopperFixture.AddRowsAsync(App, shopperId);
        await OpenAsync("/admin/privacy");

        // Act: look up, export, erase.
        await Page.Locator("[data-testid='privacy-shopper-lookup'] input").First.FillAsync(shopperId);
        await Page.Locator("[data-testid='privacy-look-up']").ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid='privacy-masked-id']")).ToContainTextAsync("sh_");
        await Page.Locator("[data-testid='privacy-export']").ClickAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("[data-testid='privacy-download']").ClickAsync());
        var document = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)).RootElement;
        await Page.Locator("[data-testid='privacy-erase']").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("BehaviourEvents");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Erase" }).ClickAsync();

        // Assert
        Assert.Equal(shopperId, document.GetProperty("shopperId").GetString());
        Assert.Equal(ShopperFixture.Region, document.GetProperty("shopper").GetProperty("region").GetString());
        await Assertions.Expect(Page.Locator("[data-testid='privacy-removed']")).ToContainTextAsync("BehaviourEvents");
        var types = Page.Locator("[data-testid='privacy-request-type']");
        await Assertions.Expect(types.Nth(0)).ToHaveTextAsync("erasure");
        await Assertions.Expect(types.Nth(1)).ToHaveTextAsync("access");
        Assert.DoesNotContain(shopperId, await Page.Locator("[data-testid='privacy-privacy-request-log']").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(Page.Locator("[data-testid='privacy-request-training']").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("retrained|no training"));
        Assert.DoesNotContain(shopperId, Page.Url, StringComparison.Ordinal);
    }
}
