using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AdStudio.Tests.Core.Creatives;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Hardening;

/// <summary>Every endpoint that reads a body has its own limit (the <c>Limits</c> settings); a body over it is a 413 problem and changes nothing.</summary>
[Collection(HardenedApp.Name)]
public sealed class BodyLimitTests(HardenedAppHost host)
{
    private const int DefaultServeBodyBytes = 16 * 1024;
    private const int DefaultApiBodyBytes = 1024 * 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("/serve", "application/json", DefaultServeBodyBytes)]
    [InlineData("/events", "application/json", HardenedAppHost.EventsBodyBytes)]
    [InlineData("/api/segments/preview", "application/json", DefaultApiBodyBytes)]
    [InlineData("/api/campaigns", "application/json", DefaultApiBodyBytes)]
    [InlineData("/api/creatives", "multipart/form-data; boundary=edge", HardenedAppHost.UploadBodyBytes)]
    [InlineData("/api/import/shoppers", "text/csv", HardenedAppHost.ImportBodyBytes)]
    [InlineData("/api/import/events", "multipart/form-data; boundary=edge", HardenedAppHost.ImportBodyBytes)]
    [InlineData("/api/experiments/analyze", "text/csv", HardenedAppHost.ImportBodyBytes)]
    [InlineData("/api/experiments/analyze", "multipart/form-data; boundary=edge", HardenedAppHost.ImportBodyBytes)]
    public async Task Post_ContentLengthOverEndpointLimit_Is413ProblemAndStoresNothing(string path, string contentType, int limit)
    {
        var before = await host.StoredAsync();
        await using var http = await host.ConnectAsync();

        await http.SendAsync(RawHttp.Head("POST", path, [$"Content-Type: {contentType}", $"Content-Length: {limit + 1}", .. host.App.CredentialHeaders]));
        await http.SendAsync(new string('a', 512));
        var answer = await http.ReadToEndAsync(Patience);

        answer.IsProblem(413);
        Assert.Contains($"{limit} bytes", answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, await host.StoredAsync());
    }

    [Fact]
    public async Task Post_ContentLengthOverLimitOnAnEndpointThatIgnoresBodies_Is413AndStartsNothing()
    {
        int Runs()
        {
            using var db = host.App.OpenDb();
            return db.PipelineRuns.Count();
        }

        var before = Runs();
        await using var http = await host.ConnectAsync();

        await http.SendAsync(RawHttp.Head("POST", "/api/pipeline/rollup", ["Content-Type: application/json", $"Content-Length: {DefaultApiBodyBytes + 1}", .. host.App.CredentialHeaders]));
        await http.SendAsync("{}");
        var answer = await http.ReadToEndAsync(Patience);

        answer.IsProblem(413);
        Assert.Equal(before, Runs());
    }

    [Theory]
    [InlineData("/serve", "application/json", "{\"shopperId\":\"", DefaultServeBodyBytes)]
    [InlineData("/events", "application/json", "{\"events\":[{\"type\":\"search\",\"query\":\"", HardenedAppHost.EventsBodyBytes)]
    [InlineData("/api/import/events", "text/csv", "shopperId,type,timestamp,query\n", HardenedAppHost.ImportBodyBytes)]
    public async Task Post_ChunkedBodyGrowingOverEndpointLimit_Is413ProblemAndStoresNothing(string path, string contentType, string start, int limit)
    {
        var before = await host.StoredAsync();
        await using var http = await host.ConnectAsync();

        await http.SendAsync(RawHttp.Head("POST", path, [$"Content-Type: {contentType}", "Transfer-Encoding: chunked", .. host.App.CredentialHeaders]));
        await http.SendAsync($"{start.Length:x}\r\n{start}\r\n");
        var chunk = new string('a', 1024);
        for (var sent = 0; sent <= limit; sent += chunk.Length)
        {
            await http.SendAsync($"{chunk.Length:x}\r\n{chunk}\r\n");
        }

        await http.SendAsync("0\r\n\r\n");
        var answer = await http.ReadToEndAsync(Patience);

        answer.IsProblem(413);
        Assert.Equal(before, await host.StoredAsync());
    }

    [Fact]
    public async Task Upload_OneFileOverMaxUploadBytesInsideTheBodyLimit_Is413AndStoresNothing()
    {
        var before = await host.StoredAsync();
        using var client = host.App.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { Png(TestImages.Png()), "files", "small.png" },
            { Png(new byte[HardenedAppHost.MaxUploadBytes + 1]), "files", "large.png" },
        };

        using var response = await client.PostAsync("/api/creatives", form);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"{HardenedAppHost.MaxUploadBytes}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await host.StoredAsync());
    }

    [Fact]
    public async Task Upload_FileOfExactlyMaxUploadBytes_IsJudgedByItsContent()
    {
        using var client = host.App.CreateClient();
        using var form = new MultipartFormDataContent { { Png(new byte[HardenedAppHost.MaxUploadBytes]), "files", "blank.png" } };

        using var response = await client.PostAsync("/api/creatives", form);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("files[0]", out _));
    }

    [Fact]
    public async Task Import_CsvBodyJustUnderTheLimit_IsImported()
    {
        using var client = host.App.CreateClient();
        var csv = new StringBuilder("shopperId,consent,region\n");
        for (var i = 0; csv.Length < HardenedAppHost.ImportBodyBytes - 64; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"limit-{i},yes,north\n");
        }

        using var response = await client.PostAsync("/api/import/shoppers", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static ByteArrayContent Png(byte[] data)
    {
        var part = new ByteArrayContent(data);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return part;
    }
}
