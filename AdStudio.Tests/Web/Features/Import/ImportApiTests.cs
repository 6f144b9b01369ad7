using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Import;

[Collection(RunningApp.Name)]
public sealed class ImportApiTests(AppHost app)
{
    [Fact]
    public async Task Import_ShoppersAsMultipart_ReportsCountsAndErrorReport()
    {
        using var client = app.CreateClient();
        using var form = new MultipartFormDataContent();
        var file = new StringContent("shopperId,consent,region\nimported-1,yes,north\n,yes,north\n", Encoding.UTF8);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "shoppers.csv");

        using var response = await client.PostAsync("/api/import/shoppers", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var r = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1, 1), (r.GetProperty("rows").GetInt32(), r.GetProperty("imported").GetInt32(), r.GetProperty("rejected").GetInt32()));
        Assert.Equal(3, r.GetProperty("errors")[0].GetProperty("row").GetInt32());
        var report = await client.GetStringAsync(r.GetProperty("errorReportUrl").GetString());
        Assert.Contains("3,shopperId,required", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_EventsAsCsvBody_IsIdempotent()
    {
        using var client = app.CreateClient();
        const string csv = "shopperId,type,timestamp,query\nimported-2,search,2026-01-05T10:00:00Z,garden chairs\n";
        await ShopperConsent.GiveAsync(client, "imported-2");

        using var first = await client.PostAsync("/api/import/events", new StringContent(csv, Encoding.UTF8, "text/csv"));
        using var second = await client.PostAsync("/api/import/events", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.Equal(1, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unchanged").GetInt32());
    }

    [Theory]
    [InlineData("/api/import/orders", "text/csv", "a\n", HttpStatusCode.NotFound)]
    [InlineData("/api/import/events", "application/json", "{}", HttpStatusCode.BadRequest)]
    [InlineData("/api/import/events", "text/csv", "shopperId,when\na,b\n", HttpStatusCode.BadRequest)]
    public async Task Import_BadRequests_AnswerProblems(string path, string contentType, string body, HttpStatusCode status)
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

        await ProblemAssert.IsProblemAsync(response, status);
    }

    [Fact]
    public async Task Report_UnknownId_IsNotFound()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/import/reports/../../adstudio.db.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
