using System.Net.Sockets;
using System.Text;

namespace AdStudio.Tests.Support;

/// <summary>
/// Speaks HTTP/1.1 over a plain socket with exactly the bytes a test writes, so it can send what no HTTP client
/// would: a body shorter or longer than its Content-Length, broken chunked framing, a stalled upload.
/// </summary>
public sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient _client = new() { NoDelay = true };
    private NetworkStream _stream = null!;

    private RawHttp()
    {
    }

    public static async Task<RawHttp> ConnectAsync(Uri server)
    {
        var raw = new RawHttp();
        await raw._client.ConnectAsync(server.Host, server.Port);
        raw._stream = raw._client.GetStream();
        return raw;
    }

    /// <summary>A request head (request line and headers, with <c>Host</c>) followed by the blank line.</summary>
    public static byte[] Head(string method, string path, params string[] headers)
    {
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: localhost\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }

    /// <summary>A whole request whose Content-Length is the body's real length.</summary>
    public static byte[] Request(string method, string path, string contentType, byte[] body, params string[] headers) =>
        [.. Head(method, path, [$"Content-Type: {contentType}", $"Content-Length: {body.Length}", .. headers]), .. body];

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    public Task SendAsync(string ascii) => SendAsync(Encoding.ASCII.GetBytes(ascii));

    /// <summary>Sends while the server still takes bytes; false once it has closed or reset the connection.</summary>
    public async Task<bool> TrySendAsync(string ascii)
    {
        try
        {
            await SendAsync(ascii);
            return true;
        }
        catch (IOException ex) when (ex.InnerException is SocketException)
        {
            return false;
        }
    }

    /// <summary>Tells the server the client has nothing more to send (a FIN), while still reading its answer.</summary>
    public void EndSending() => _client.Client.Shutdown(SocketShutdown.Send);

    /// <summary>
    /// Reads until the server closes the connection, or until <paramref name="timeout"/> passes. A reset also ends
    /// the read; it is reported, with whatever arrived before it, for the test to judge.
    /// </summary>
    public async Task<RawAnswer> ReadToEndAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        var ending = RawEnding.Closed;
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            ending = RawEnding.StillOpen;
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            ending = RawEnding.Reset;
        }

        return new RawAnswer(Encoding.UTF8.GetString(received.ToArray()), ending);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        _client.Dispose();
    }
}
