using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AdStudio.Bench;

/// <summary>
/// <c>/serve</c> of the real app (Release, its own process, default demo data) against a bare Kestrel
/// endpoint that returns the same bytes, measured in the same run on the same machine.
/// </summary>
internal static class ServeBenchmark
{
    private const int AppPort = 5191;
    private const int BaselinePort = 5192;

    public static async Task RunAsync(string[] args)
    {
        var connections = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 32;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var root = RepositoryRoot();
        var webDll = Path.Combine(root, "AdStudio.Web", "bin", "Release", "net10.0", "AdStudio.Web.dll");
        var data = Path.Combine(Path.GetTempPath(), $"adstudio-bench-{Guid.NewGuid():N}");
        Console.WriteLine($"Seeding the default demo into {data} ...");

        using (var app = AppProcess.Start(webDll, [$"--urls=http://127.0.0.1:{AppPort}", $"--Data:Directory={data}", "--Logging:LogLevel:Default=Warning"], AppPort, Path.Combine(root, "AdStudio.Web")))
        {
            await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            var seedSeconds = await WaitForSeedAsync(app.BaseAddress);
            var bodies = Enumerable.Range(0, 4096)
                .Select(i => JsonSerializer.Serialize(new { shopperId = $"shopper-{(i * 7919 % 20_000) + 1:D6}", placement = "sidebar" }))
                .ToArray();
            var sample = await SampleAnswerAsync(app.BaseAddress);
            var bodyFile = Path.Combine(data, "baseline-body.json");
            await File.WriteAllBytesAsync(bodyFile, sample);

            var benchDll = typeof(ServeBenchmark).Assembly.Location;
            using var baseline = AppProcess.Start(benchDll, ["baseline-server", BaselinePort.ToString(CultureInfo.InvariantCulture), bodyFile], BaselinePort, null);
            await baseline.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));

            var measure = TimeSpan.FromSeconds(seconds);
            var warmUp = TimeSpan.FromSeconds(3);
            Console.WriteLine($"Load: {connections} connections, {seconds} s each, after {warmUp.TotalSeconds} s warm-up.");
            var floor = await LoadGenerator.RunAsync("bare Kestrel, same bytes (baseline)", new Uri(baseline.BaseAddress, "serve"), bodies, connections, warmUp, measure);
            var serve = await LoadGenerator.RunAsync("AdStudio POST /serve", new Uri(app.BaseAddress, "serve"), bodies, connections, warmUp, measure);
            var (decideNs, serveNs, campaigns) = await DecisionCost.MeasureAsync(data, 1_000_000);

            var report = Report(connections, seconds, seedSeconds, sample.Length, floor, serve, decideNs, serveNs, campaigns);
            Console.WriteLine(report);
            var resultFile = Path.Combine(root, "bench", "results", "serve.md");
            await File.WriteAllTextAsync(resultFile, report);
            Console.WriteLine($"Written to {resultFile}");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    private static async Task<double> WaitForSeedAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        while (true)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>("api/pipeline/runs");
            var seed = runs.EnumerateArray().FirstOrDefault(r => r.GetProperty("step").GetString() == "seed");
            var status = seed.ValueKind == JsonValueKind.Object ? seed.GetProperty("status").GetString() : null;
            if (status == "succeeded")
            {
                var started = seed.GetProperty("startedAt").GetDateTime();
                var finished = seed.GetProperty("finishedAt").GetDateTime();
                Console.WriteLine(seed.GetProperty("message").GetString());
                // Let the snapshot refresher pick up the seeded campaigns.
                await Task.Delay(TimeSpan.FromSeconds(12));
                return (finished - started).TotalSeconds;
            }

            if (status == "failed")
            {
                throw new InvalidOperationException($"The demo seed failed: {seed.GetProperty("message").GetString()}");
            }

            await Task.Delay(500);
        }
    }

    private static async Task<byte[]> SampleAnswerAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        using var response = await client.PostAsJsonAsync("serve", new { shopperId = "shopper-000001", placement = "sidebar" });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Report(int connections, int seconds, double seedSeconds, int bytes, LoadResult floor, LoadResult serve, double decideNs, double serveNs, int campaigns)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# /serve benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Client and servers share the machine.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Data: default demo (20,000 shoppers, 30 days), seeded in {seedSeconds:F1} s. {campaigns} active campaigns in the snapshot; answers of {bytes} bytes.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Load: closed loop, {connections} keep-alive connections, {seconds} s per target after a 3 s warm-up; random demo shoppers, placement sidebar.");
        text.AppendLine();
        text.AppendLine("| target | requests/s | p50 ms | p90 ms | p99 ms | failures |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        text.AppendLine(floor.MarkdownRow());
        text.AppendLine(serve.MarkdownRow());
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"/serve reaches {serve.RequestsPerSecond / floor.RequestsPerSecond:P0} of the bare endpoint's throughput.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"In process, over 1,000,000 calls: decision engine {decideNs:F0} ns per decision; with the signed decision id (HMAC-SHA256) {serveNs:F0} ns.");
        text.AppendLine();
        text.AppendLine("Reproduce: `dotnet run -c Release --project bench/AdStudio.Bench -- [connections] [seconds]`.");
        return text.ToString();
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AdStudio.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
