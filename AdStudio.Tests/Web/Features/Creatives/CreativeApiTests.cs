using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Infrastructure;
using AdStudio.Tests.Core.Creatives;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace AdStudio.Tests.Web.Features.Creatives;

[Collection(RunningApp.Name)]
public sealed class CreativeApiTests(AppHost app)
{
    private static MultipartFormDataContent Files(params (string Name, byte[] Data)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, data) in files)
        {
            var part = new ByteArrayContent(data);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(part, "files", name);
        }

        return form;
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.OpenDb();
        return db.Creatives.Count();
    }

    [Fact]
    public async Task Upload_ValidImages_CreatesDraftsServedWithCacheHeaders()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/creatives", Files(("a.png", TestImages.Png(300, 250)), ("b.png", TestImages.Png(728, 90))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, created.GetArrayLength());
        Assert.Equal("draft", created[0].GetProperty("status").GetString());
        using var image = await client.GetAsync(created[1].GetProperty("imageUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.True(image.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(365), image.Headers.CacheControl?.MaxAge);
        Assert.NotNull(image.Headers.ETag);
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/creatives/{created[0].GetProperty("id").GetInt32()}/history");
        Assert.Equal(TestCredentials.AdminEmail, history[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Upload_OneBadFileInBatch_StoresNothingAndSaysWhichAndWhy()
    {
        using var client = app.CreateClient();
        var before = await CountAsync();

        using var response = await client.PostAsync("/api/creatives", Files(
            ("good.png", TestImages.Png()),
            ("logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")),
            ("notes.png", Encoding.UTF8.GetBytes("plain text renamed"))));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("SVG", errors.GetProperty("files[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not a PNG", errors.GetProperty("files[2]")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Upload_OneWrongSizeImageInBatch_StoresNoRowAndNoFileAndNamesTheFile()
    {
        // Arrange: the good images come first, so storing them before the fit check would leave them behind.
        using var client = app.CreateClient();
        var before = await CountAsync();
        var filesBefore = await StoredImagesAsync();

        // Act
        using var response = await client.PostAsync("/api/creatives", Files(
            ("first.png", TestImages.Encode(300, 250, SKEncodedImageFormat.Jpeg)),
            ("second.png", TestImages.Encode(728, 90, SKEncodedImageFormat.Webp)),
            ("square.png", TestImages.Png(500, 500))));

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("files[2]", error.Name);
        Assert.StartsWith("square.png: The image is 500×500, which fits no placement", error.Value[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("nothing was stored", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(filesBefore, await StoredImagesAsync());
    }

    /// <summary>Image files wherever the app keeps them: its data folder (SQLite) or its database (PostgreSQL).</summary>
    private async Task<string[]> StoredImagesAsync()
    {
        var folder = Path.Combine(app.Services.GetRequiredService<DataPaths>().Directory, CreativeStore.StoreFolder);
        await using var db = app.OpenDb();
        var inDatabase = await db.StoredFiles.Select(f => f.Path).OrderBy(p => p).ToListAsync();
        return [.. Directory.Exists(folder) ? Directory.GetFiles(folder) : [], .. inDatabase];
    }

    [Theory]
    [InlineData("/creatives/files/../adstudio.db")]
    [InlineData("/creatives/files/decision-signing.key")]
    [InlineData("/creatives/files/0000000000000000000000000000000000000000000000000000000000000000.png")]
    public async Task Files_NamesTheStoreDidNotMake_AreNotFound(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Review_FullWorkflowThroughTheApi_EndsApprovedByAnotherReviewer()
    {
        using var client = app.CreateClient();
        using var upload = await client.PostAsync("/api/creatives", Files(("spring.png", TestImages.Png())));
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetInt32();

        using var badCopy = await client.PutAsJsonAsync($"/api/creatives/{id}", new
        {
            name = "Spring",
            headline = "Deals in {{region}}",
            landingUrl = "http://shop.example",
            category = "books",
            discount = 0.1,
        });
        var problem = await ProblemAssert.IsProblemAsync(badCopy, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("landingUrl", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("headline", out _));

        using var copy = await client.PutAsJsonAsync($"/api/creatives/{id}", new
        {
            name = "Spring",
            headline = "{{discount}} off {{top_category|books}}",
            body = "New titles weekly",
            callToAction = "Browse",
            landingUrl = "https://shop.example/spring",
            category = "books",
            tags = "spring",
            discount = 0.1,
        });
        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        using var submit = await client.PostAsync($"/api/creatives/{id}/submit", null);
        Assert.Equal("pending_review", (await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var ownApproval = await client.PostAsJsonAsync($"/api/creatives/{id}/approve", new { });
        var fourEyes = await ProblemAssert.IsProblemAsync(ownApproval, HttpStatusCode.Forbidden);
        Assert.Contains("four-eyes", fourEyes.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var reviewer = await TestUsers.CreateThroughApiAsync(app, "reviewer");
        using var reviewerClient = reviewer.Client(app);
        using var approve = await reviewerClient.PostAsync($"/api/creatives/{id}/approve", null);
        Assert.Equal(HttpStatusCode.NoContent, approve.StatusCode);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/creatives/{id}");
        Assert.Equal(("approved", reviewer.Email), (stored.GetProperty("status").GetString(), stored.GetProperty("reviewedBy").GetString()));
    }

    [Fact]
    public async Task Review_MarketerWhoIsAlsoReviewerEditedIt_CannotApproveOrRejectButAnotherReviewerCan()
    {
        // Arrange: one person uploads and writes the copy, holding both the marketer and the reviewer role.
        var author = await TestUsers.CreateThroughApiAsync(app, "marketer", "reviewer");
        using var authorClient = author.Client(app);
        using var upload = await authorClient.PostAsync("/api/creatives", Files(("four-eyes.png", TestImages.Png())));
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetInt32();
        using var copy = await authorClient.PutAsJsonAsync($"/api/creatives/{id}", new
        {
            name = "Four eyes",
            headline = "New books every week",
            landingUrl = "https://shop.example/books",
            category = "books",
            discount = 0,
        });
        using var submit = await authorClient.PostAsync($"/api/creatives/{id}/submit", null);
        var other = await TestUsers.CreateThroughApiAsync(app, "reviewer");
        using var otherClient = other.Client(app);

        // Act
        using var ownApproval = await authorClient.PostAsJsonAsync($"/api/creatives/{id}/approve", new { });
        using var ownRejection = await authorClient.PostAsJsonAsync($"/api/creatives/{id}/reject", new { reasons = "not mine to judge" });
        using var otherRejection = await otherClient.PostAsJsonAsync($"/api/creatives/{id}/reject", new { reasons = "Say which books." });

        // Assert
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        await ProblemAssert.IsProblemAsync(ownApproval, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(ownRejection, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, otherRejection.StatusCode);
        var stored = await authorClient.GetFromJsonAsync<JsonElement>($"/api/creatives/{id}");
        Assert.Equal(("rejected", other.Email), (stored.GetProperty("status").GetString(), stored.GetProperty("reviewedBy").GetString()));
    }

    [Fact]
    public async Task Review_ReviewerFieldInTheBody_IsRefusedAsUnknown()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/creatives/1/approve", new { reviewer = "someone-else" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("reviewer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ForbiddenClaim_AnswersFindingsAndStaysDraft()
    {
        using var client = app.CreateClient();
        using var upload = await client.PostAsync("/api/creatives", Files(("claim.png", TestImages.Png())));
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetInt32();
        await client.PutAsJsonAsync($"/api/creatives/{id}", new { name = "Claim", headline = "Guaranteed weight loss", landingUrl = "https://shop.example", category = "beauty", discount = 0 });

        using var submit = await client.PostAsync($"/api/creatives/{id}/submit", null);

        var problem = await ProblemAssert.IsProblemAsync(submit, HttpStatusCode.BadRequest);
        Assert.Contains("guaranteed", problem.GetProperty("errors").GetProperty("headline")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("draft", (await client.GetFromJsonAsync<JsonElement>($"/api/creatives/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Upload_NotMultipart_AnswersProblem()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/creatives", new { file = "x" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
