using System.Text;
using AdStudio.Tests.Core.Creatives;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Hardening;

/// <summary>
/// Malformed multipart bodies on the creative upload and the CSV import: each is a 400 (malformed) or 413 (over a
/// form limit) problem, and nothing is stored — every body also carries a part that would be stored if accepted.
/// </summary>
[Collection(HardenedApp.Name)]
public sealed class MultipartTests(HardenedAppHost host)
{
    private const string Boundary = "edge-boundary";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_MultipartWithoutBoundary_Is400AndStoresNothing(string path)
    {
        var answer = await PostAsync(path, "multipart/form-data", [.. GoodPart(path), .. Ascii($"--{Boundary}--\r\n")]);

        answer.IsProblem(400);
        Assert.Contains("boundary", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_MultipartWithAnotherBoundaryThanDeclared_Is400AndStoresNothing(string path)
    {
        var body = Encoding.ASCII.GetString([.. GoodPart(path), .. Ascii($"--{Boundary}--\r\n")]).Replace(Boundary, "other-boundary", StringComparison.Ordinal);

        var answer = await PostAsync(path, $"multipart/form-data; boundary={Boundary}", Ascii(body));

        answer.IsProblem(400);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_MultipartTruncatedBeforeItsClosingBoundary_Is400AndStoresNothing(string path)
    {
        byte[] whole = [.. GoodPart(path), .. GoodPart(path, "second")];

        var answer = await PostAsync(path, $"multipart/form-data; boundary={Boundary}", whole[..^40]);

        answer.IsProblem(400);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_PartWithoutContentDisposition_Is400AndStoresNothing(string path)
    {
        byte[] body = [.. GoodPart(path), .. Ascii($"--{Boundary}\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n--{Boundary}--\r\n")];

        var answer = await PostAsync(path, $"multipart/form-data; boundary={Boundary}", body);

        answer.IsProblem(400);
        Assert.Contains("Content-Disposition", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_PartHeadersOverTheLimit_Is413AndStoresNothing(string path)
    {
        var header = $"X-Padding: {new string('a', 17 * 1024)}";
        byte[] body = [.. GoodPart(path), .. Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n{header}\r\n\r\nx\r\n--{Boundary}--\r\n")];

        var answer = await PostAsync(path, $"multipart/form-data; boundary={Boundary}", body);

        answer.IsProblem(413);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Post_ThousandsOfFields_Is413AndStoresNothing(string path)
    {
        var fields = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            fields.Append(System.Globalization.CultureInfo.InvariantCulture, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\n{i}\r\n");
        }

        byte[] body = [.. GoodPart(path), .. Ascii(fields.Append($"--{Boundary}--\r\n").ToString())];

        var answer = await PostAsync(path, $"multipart/form-data; boundary={Boundary}", body);

        answer.IsProblem(413);
        Assert.Contains($"{HardenedAppHost.MaxFormParts}", answer.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string> Endpoints() => ["/api/creatives", "/api/import/shoppers"];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>A well-formed file part the endpoint would store: a placement-sized PNG, or one new shopper.</summary>
    private static byte[] GoodPart(string path, string name = "first") => path.Contains("creatives", StringComparison.Ordinal)
        ? [.. Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}.png\"\r\nContent-Type: image/png\r\n\r\n"), .. TestImages.Png(), .. Ascii("\r\n")]
        : Ascii($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}.csv\"\r\nContent-Type: text/csv\r\n\r\nshopperId,consent\nmultipart-{Guid.NewGuid():N},yes\n\r\n");

    private async Task<RawAnswer> PostAsync(string path, string contentType, byte[] body)
    {
        var before = await host.StoredAsync();
        await using var http = await host.ConnectAsync();

        await http.SendAsync(RawHttp.Request("POST", path, contentType, body, ["Connection: close", .. host.App.CredentialHeaders]));
        var answer = await http.ReadToEndAsync(Patience);

        Assert.Equal(before, await host.StoredAsync());
        return answer;
    }
}
