using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdStudio.Tests.Core.Creatives;
using AdStudio.Tests.Support;

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
        client.DefaultRequestHeaders.Add("X-Actor", "maria");

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
        Assert.Equal("maria", history[0].GetProperty("actor").GetString());
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
    public async Task Review_FullWorkflowThroughTheApi_EndsApproved()
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
        using var noReviewer = await client.PostAsJsonAsync($"/api/creatives/{id}/approve", new { reviewer = "" });
        await ProblemAssert.IsProblemAsync(noReviewer, HttpStatusCode.BadRequest);
        using var approve = await client.PostAsJsonAsync($"/api/creatives/{id}/approve", new { reviewer = "jon" });
        Assert.Equal(HttpStatusCode.NoContent, approve.StatusCode);
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/creatives/{id}");
        Assert.Equal(("approved", "jon"), (stored.GetProperty("status").GetString(), stored.GetProperty("reviewedBy").GetString()));
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
