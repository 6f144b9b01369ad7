using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Hardening;

/// <summary>
/// Requests whose HTTP framing is wrong or that arrive too slowly: the app answers a problem where it reads the
/// body, Kestrel answers a bare status line where it must close the connection itself; never a 500, never a
/// connection dropped without an answer.
/// </summary>
[Collection(HardenedApp.Name)]
public sealed class FramingTests(HardenedAppHost host)
{
    private const string ServeJson = "{\"shopperId\":\"framing-1\",\"placement\":\"sidebar\"}";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Post_BodyShorterThanContentLengthThenClientWaits_Is408Problem()
    {
        await using var http = await host.ConnectAsync();

        await http.SendAsync(RawHttp.Head("POST", "/serve", ["Content-Type: application/json", $"Content-Length: {ServeJson.Length + 40}", .. host.App.CredentialHeaders]));
        await http.SendAsync(ServeJson);
        var answer = await http.ReadToEndAsync(Patience);

        answer.IsProblem(408);
        Assert.Equal(RawEnding.Closed, answer.Ending);
    }

    /// <summary>
    /// Kestrel takes a client's FIN as the client leaving, not as a half-close, so there is nobody left to answer
    /// (dotnet/aspnetcore#13188): the connection ends without any status line — in particular no 500 — and the app
    /// goes on serving.
    /// </summary>
    [Fact]
    public async Task Post_BodyShorterThanContentLengthThenClientCloses_EndsWithoutAnswerAndStoresNothing()
    {
        var before = await host.StoredAsync();
        await using var http = await host.ConnectAsync();

        await http.SendAsync(RawHttp.Head("POST", "/events", ["Content-Type: application/json", "Content-Length: 400", .. host.App.CredentialHeaders]));
        await http.SendAsync("{\"events\":[{\"type\":\"search\",\"shopperId\":\"framing-2\",");
        http.EndSending();
        var answer = await http.ReadToEndAsync(Patience);

        Assert.Empty(answer.Statuses);
        Assert.NotEqual(RawEnding.StillOpen, answer.Ending);
        Assert.Equal(before, await host.StoredAsync());
        using var client = host.App.CreateClient();
        using var health = await client.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Post_BodyLongerThanContentLength_BothTheRequestAndTheLeftoverAre400()
    {
        await using var http = await host.ConnectAsync();

        // The first 20 bytes are the request's (not valid JSON on their own); the rest reaches Kestrel as a request line.
        await http.SendAsync(RawHttp.Head("POST", "/serve", ["Content-Type: application/json", "Content-Length: 20", .. host.App.CredentialHeaders]));
        await http.SendAsync(ServeJson + "\r\n\r\n");
        var answer = await http.ReadToEndAsync(Patience);

        Assert.Equal([400, 400], answer.Statuses);
        Assert.Contains("application/problem+json", answer.Text, StringComparison.Ordinal);
        Assert.Equal(RawEnding.Closed, answer.Ending);
    }

    [Theory]
    [InlineData("zz\r\n{}\r\n0\r\n\r\n")]
    [InlineData("2\r\n{}XX0\r\n\r\n")]
    [InlineData("FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n")]
    public async Task Post_BadChunkedFraming_Is400Problem(string chunks)
    {
        await using var http = await host.ConnectAsync();

        await http.SendAsync(RawHttp.Head("POST", "/serve", ["Content-Type: application/json", "Transfer-Encoding: chunked", .. host.App.CredentialHeaders]));
        await http.SendAsync(chunks);
        var answer = await http.ReadToEndAsync(Patience);

        answer.IsProblem(400);
        Assert.Equal(RawEnding.Closed, answer.Ending);
    }

    [Fact]
    public async Task Post_BodySentTooSlowly_Is408Problem()
    {
        var before = await host.StoredAsync();
        await using var http = await host.ConnectAsync();

        await http.SendAsync(RawHttp.Head("POST", "/events", ["Content-Type: application/json", "Content-Length: 4000", .. host.App.CredentialHeaders]));
        var reading = http.ReadToEndAsync(Patience);

        // A byte every quarter second: far below Limits:MinRequestBodyBytesPerSecond (240) once the grace period is over.
        foreach (var c in "{\"events\":[{\"type\":\"search\",\"shopperId\":\"slow\",\"query\":\"")
        {
            if (reading.IsCompleted || !await http.TrySendAsync(c.ToString()))
            {
                break;
            }

            await Task.Delay(250);
        }

        var answer = await reading;

        answer.IsProblem(408);
        Assert.Equal(RawEnding.Closed, answer.Ending);
        Assert.Equal(before, await host.StoredAsync());
    }

    [Fact]
    public async Task Request_HeadersSentTooSlowly_KestrelAnswers408()
    {
        await using var http = await host.ConnectAsync();

        await http.SendAsync("POST /serve HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n");
        var answer = await http.ReadToEndAsync(Patience);

        Assert.Equal([408], answer.Statuses);
        Assert.Equal(RawEnding.Closed, answer.Ending);
    }

    [Fact]
    public async Task Request_HeadersOverTheLimit_KestrelAnswers431()
    {
        await using var http = await host.ConnectAsync();

        await http.SendAsync(RawHttp.Head("GET", "/health", $"X-Padding: {new string('a', 33 * 1024)}"));
        var answer = await http.ReadToEndAsync(Patience);

        Assert.Equal([431], answer.Statuses);
        Assert.Equal(RawEnding.Closed, answer.Ending);
    }

    [Theory]
    [InlineData("Content-Length: abc")]
    [InlineData("Content-Length: 5\r\nContent-Length: 6")]
    [InlineData("Content-Length: 5\r\nTransfer-Encoding: gzip")]
    public async Task Post_UnreadableFramingHeaders_KestrelAnswers400(string framing)
    {
        await using var http = await host.ConnectAsync();

        await http.SendAsync(RawHttp.Head("POST", "/serve", ["Content-Type: application/json", framing, .. host.App.CredentialHeaders]));
        await http.SendAsync("{}{}{}");
        var answer = await http.ReadToEndAsync(Patience);

        Assert.Equal([400], answer.Statuses);
        Assert.Equal(RawEnding.Closed, answer.Ending);
    }
}
