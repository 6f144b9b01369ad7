using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Tests.Core.Creatives;
using AdStudio.Tests.Support;
using Microsoft.Playwright;

namespace AdStudio.Tests.Web.Browser;

/// <summary>A marketer writing copy for a creative of their own in a real Chromium: checks on save, the placement preview.</summary>
[Collection(RunningApp.Name)]
public sealed class CreativesBrowserTests(AppHost app, BrowserSignIn signIn) : SignedInBrowserTest(app, signIn), IClassFixture<BrowserSignIn>
{

    [Fact]
    public async Task CopyEditor_ForbiddenPhraseSaved_ShowsTheProblemAtOnce_AndThePreviewShowsTheCopyOnTheImage()
    {
        var name = $"Browser creative {Guid.NewGuid():N}";
        var id = await UploadAsync(name);
        await OpenAsync($"/creatives/{id}");

        await Field("copy-headline").FillAsync("Guaranteed page-turners");
        await Field("copy-body").FillAsync("New titles every week");
        await Page.Locator("[data-testid='copy-save']").ClickAsync();

        await Assertions.Expect(Page.Locator("[data-testid='copy-message']")).ToContainTextAsync("Saved as a draft");
        await Assertions.Expect(Page.Locator("[data-testid='review-notes']")).ToContainTextAsync("Headline: \"guaranteed\"");
        await Assertions.Expect(Page.Locator("[data-testid='preview-headline']")).ToHaveTextAsync("Guaranteed page-turners");
        await Assertions.Expect(Page.Locator("[data-testid='preview-body']")).ToHaveTextAsync("New titles every week");
        var box = await Page.Locator("[data-testid='preview-ad']").BoundingBoxAsync();
        Assert.True(box is { Width: > 100 } && Math.Abs((box.Width / box.Height) - (300.0 / 250)) < 0.02, $"preview {box?.Width}×{box?.Height}");
        var headline = await Page.Locator("[data-testid='preview-headline']").BoundingBoxAsync();
        Assert.True(headline is not null && headline.Y >= box!.Y && headline.Y + headline.Height <= box.Y + box.Height, "the headline lies on the image");
        using var client = App.CreateClient();
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/creatives/{id}");
        Assert.Equal(("Guaranteed page-turners", "draft"), (stored.GetProperty("headline").GetString(), stored.GetProperty("status").GetString()));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("creative.png"), FullPage = true });

        await Field("copy-headline").FillAsync("Fresh page-turners");

        await Assertions.Expect(Page.Locator("[data-testid='review-notes']")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("[data-testid='preview-headline']")).ToHaveTextAsync("Fresh page-turners");
    }

    private ILocator Field(string testId) =>
        Page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input, textarea[data-testid='{testId}'], [data-testid='{testId}'] textarea");

    /// <summary>A sidebar creative of this test's own, with copy that passes every check, through the API.</summary>
    private async Task<int> UploadAsync(string name)
    {
        using var client = App.CreateClient();
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(TestImages.Png(300, 250));
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(part, "files", "browser.png");
        using var upload = await client.PostAsync("/api/creatives", form);
        upload.EnsureSuccessStatusCode();
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetInt32();
        using var copy = await client.PutAsJsonAsync($"/api/creatives/{id}", new
        {
            name,
            headline = "Fresh reads",
            landingUrl = "https://shop.example/books",
            category = "books",
            discount = 0.0,
        });
        copy.EnsureSuccessStatusCode();
        var saved = await copy.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(saved.GetProperty("problems").GetArrayLength() == 0, saved.GetProperty("problems").ToString());
        return id;
    }
}
