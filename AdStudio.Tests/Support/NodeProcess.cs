using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace AdStudio.Tests.Support;

/// <summary>
/// AdStudio started as its own process (<c>dotnet AdStudio.Web.dll</c>) on a free loopback port, as an operator would
/// run a node: for tests that kill a node, restart it, or run two nodes on one database. Stdout and stderr are drained
/// (a full pipe would block the app); stderr goes to the test's output when one is given.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private NodeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a node in the Production environment with the bootstrap admin and storefront key of <see cref="TestCredentials"/>,
    /// then <paramref name="settings"/> (later ones win), each as a <c>--Key=Value</c> argument.
    /// </summary>
    public static NodeProcess Start(IEnumerable<KeyValuePair<string, string>> settings, ITestOutputHelper? output = null, string? name = null, int? port = null)
    {
        var bin = AppContext.BaseDirectory;
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}/");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = bin };
        info.ArgumentList.Add(Path.Combine(bin, "AdStudio.Web.dll"));
        info.ArgumentList.Add($"--urls={address.GetLeftPart(UriPartial.Authority)}");
        info.ArgumentList.Add($"--contentRoot={bin}");
        foreach (var (key, value) in TestCredentials.Settings().Concat(settings))
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start AdStudio.Web.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && output is not null)
            {
                try
                {
                    output.WriteLine($"[{name ?? "node"}] {e.Data}");
                }
                catch (InvalidOperationException)
                {
                    // The test has finished; its output no longer takes lines.
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new NodeProcess(process, address);
    }

    /// <summary>A client for this node with no credentials.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Kills the node at once (no clean shutdown), as a crash or a lost machine would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>A loopback port free right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
