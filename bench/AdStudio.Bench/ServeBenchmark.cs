using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AdStudio.Bench;

/// <summary>
/// <c>/serve</c> of the real app (Release, its own process, default demo data) against a bare Kestrel
/// endpoint that returns the same bytes, measured in the same run on the same machine; and the storefront-key
/// check's cost: the same app's <c>/serve</c> with the check against its benchmark-only mapping without it,
/// alternated over several rounds.
/// </summary>
internal static class ServeBenchmark
{
    /// <summary>The environment variable that moves the benchmarks' ports (the first of four consecutive ones).</summary>
    public const string PortVariable = "ADSTUDIO_BENCH_PORT";

    public const string KeyHeader = "X-AdStudio-Key";
    private const string AdminEmail = "bench@adstudio.local";
    private const string AdminPassword = "bench-admin-passphrase";

    // A decision with models predicts once per fitting creative of every eligible campaign: fewer calls keep the run short.
    private const int DecisionIterations = 200_000;

    public static async Task RunAsync(string[] args)
    {
        var connections = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 32;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        var key = NewStorefrontKey();
        IReadOnlyList<(string, string)> keyHeader = [(KeyHeader, key)];
        var root = RepositoryRoot();
        var data = Path.Combine(Path.GetTempPath(), $"adstudio-bench-{Guid.NewGuid():N}");
        var appPort = BasePort();
        var baselinePort = appPort + 1;
        Console.WriteLine($"Seeding the default demo into {data} ...");

        using (var app = StartApp(root, appPort, data, key, []))
        {
            await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            var seedSeconds = await WaitForSeedAsync(app.BaseAddress);
            var modelText = await TrainModelsAsync(app.BaseAddress);
            var bodies = Enumerable.Range(0, 4096)
                .Select(i => JsonSerializer.Serialize(new { shopperId = $"shopper-{(i * 7919 % 20_000) + 1:D6}", placement = "sidebar" }))
                .ToArray();
            var sample = await SampleAnswerAsync(app.BaseAddress, key);
            var bodyFile = Path.Combine(data, "baseline-body.json");
            await File.WriteAllBytesAsync(bodyFile, sample);

            var benchDll = typeof(ServeBenchmark).Assembly.Location;
            using var baseline = AppProcess.Start(benchDll, ["baseline-server", baselinePort.ToString(CultureInfo.InvariantCulture), bodyFile], baselinePort, null);
            await baseline.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));

            var measure = TimeSpan.FromSeconds(seconds);
            var warmUp = TimeSpan.FromSeconds(3);
            Console.WriteLine($"Load: {connections} connections, {seconds} s each, after {warmUp.TotalSeconds} s warm-up.");
            var floor = await LoadGenerator.RunAsync("bare Kestrel, same bytes (baseline)", new Uri(baseline.BaseAddress, "serve"), bodies, connections, warmUp, measure, keyHeader);

            // Both targets get the same request bytes (the key header too); the order flips every round so drift hits both.
            var keyed = new List<LoadResult>();
            var unkeyed = new List<LoadResult>();
            for (var round = 1; round <= rounds; round++)
            {
                var withCheck = () => LoadGenerator.RunAsync($"AdStudio POST /serve, key checked (round {round})", new Uri(app.BaseAddress, "serve"), bodies, connections, warmUp, measure, keyHeader);
                var withoutCheck = () => LoadGenerator.RunAsync($"AdStudio POST /serve, no key check (round {round})", new Uri(app.BaseAddress, "bench/serve-without-key"), bodies, connections, warmUp, measure, keyHeader);
                if (round % 2 == 1)
                {
                    keyed.Add(await withCheck());
                    unkeyed.Add(await withoutCheck());
                }
                else
                {
                    unkeyed.Add(await withoutCheck());
                    keyed.Add(await withCheck());
                }

                Console.WriteLine($"round {round}: with check {keyed[^1].RequestsPerSecond:N0} req/s, without {unkeyed[^1].RequestsPerSecond:N0} req/s");
            }

            var decisionCost = await DecisionCost.MeasureAsync(data, DecisionIterations);
            var (lookupNs, lookupBytes) = KeyCheckCost.Measure(key, 1_000_000);

            var report = Report(connections, seconds, seedSeconds, modelText, sample.Length, floor, keyed, unkeyed, decisionCost, lookupNs, lookupBytes);
            Console.WriteLine(report);
            var resultFile = Path.Combine(root, "bench", "results", "serve.md");
            await File.WriteAllTextAsync(resultFile, report);
            Console.WriteLine($"Written to {resultFile}");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    /// <summary>The first of the benchmarks' ports: <c>ADSTUDIO_BENCH_PORT</c>, or 5191.</summary>
    public static int BasePort() =>
        Environment.GetEnvironmentVariable(PortVariable) is { Length: > 0 } port ? int.Parse(port, CultureInfo.InvariantCulture) : 5191;

    public static string NewStorefrontKey() => "as_bench-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Starts the Release build of the app on <paramref name="port"/> with the data folder <paramref name="data"/>, the benchmark's
    /// admin and storefront key, one trainer, and <paramref name="extraArguments"/> (for example the storage provider).
    /// </summary>
    public static AppProcess StartApp(string root, int port, string data, string key, IEnumerable<string> extraArguments)
    {
        var webDll = Path.Combine(root, "AdStudio.Web", "bin", "Release", "net10.0", "AdStudio.Web.dll");
        string[] arguments =
        [
            $"--urls=http://127.0.0.1:{port}", $"--Data:Directory={data}", "--Logging:LogLevel:Default=Warning",
            $"--Auth:BootstrapAdmin:Email={AdminEmail}", $"--Auth:BootstrapAdmin:Password={AdminPassword}", $"--Auth:StorefrontKeys:0={key}",
            // One trainer, so that runs compare decisions with the same kind of model (a tree ensemble predicts far slower).
            "--Modeling:Trainers:0=logistic_regression",
            .. extraArguments,
        ];

        // The Benchmark environment is Production plus /bench/serve-without-key, the same handler without the key check.
        return AppProcess.Start(webDll, arguments, port, Path.Combine(root, "AdStudio.Web"), environment: "Benchmark");
    }

    /// <summary>Waits until the demo seed has succeeded and the snapshot had time to pick it up; returns the seed's seconds.</summary>
    public static async Task<double> WaitForSeedAsync(Uri baseAddress)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        using (var token = await client.PostAsJsonAsync("api/auth/token", new { email = AdminEmail, password = AdminPassword }))
        {
            token.EnsureSuccessStatusCode();
            var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        }

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

    /// <summary>Runs the <c>train</c> step so that /serve scores with active models, as a shop past its first day does.</summary>
    public static async Task<string> TrainModelsAsync(Uri baseAddress)
    {
        using var client = await SignedInClientAsync(baseAddress);
        using (var started = await client.PostAsync("api/pipeline/train", null))
        {
            started.EnsureSuccessStatusCode();
            var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetInt32();
            while (true)
            {
                var run = await client.GetFromJsonAsync<JsonElement>($"api/pipeline/runs/{runId}");
                var status = run.GetProperty("status").GetString();
                if (status == "succeeded")
                {
                    Console.WriteLine(run.GetProperty("message").GetString());
                    break;
                }

                if (status == "failed")
                {
                    throw new InvalidOperationException($"Training failed: {run.GetProperty("message").GetString()}");
                }

                await Task.Delay(1000);
            }
        }

        // The snapshot refresher picks the promoted models up within its interval.
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var serving = await client.GetFromJsonAsync<JsonElement>("api/models/serving");
            if (serving.TryGetProperty("ctrModelId", out var ctr) && ctr.ValueKind == JsonValueKind.Number)
            {
                var cvr = serving.GetProperty("cvrModelId");
                return $"/serve scores with CTR model #{ctr.GetInt32()}" + (cvr.ValueKind == JsonValueKind.Number ? $" and CVR model #{cvr.GetInt32()}" : "");
            }

            await Task.Delay(1000);
        }

        throw new InvalidOperationException("No model reached serving within a minute of training.");
    }

    private static async Task<HttpClient> SignedInClientAsync(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        using var token = await client.PostAsJsonAsync("api/auth/token", new { email = AdminEmail, password = AdminPassword });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<byte[]> SampleAnswerAsync(Uri baseAddress, string key)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add(KeyHeader, key);
        using var response = await client.PostAsJsonAsync("serve", new { shopperId = "shopper-000001", placement = "sidebar" });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Report(
        int connections,
        int seconds,
        double seedSeconds,
        string modelText,
        int bytes,
        LoadResult floor,
        List<LoadResult> keyed,
        List<LoadResult> unkeyed,
        DecisionCostResult decisionCost,
        double lookupNs,
        double lookupBytes)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var withCheck = Median(keyed.Select(r => r.RequestsPerSecond));
        var withoutCheck = Median(unkeyed.Select(r => r.RequestsPerSecond));
        var pairs = keyed.Zip(unkeyed, (k, u) => k.RequestsPerSecond / u.RequestsPerSecond).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# /serve benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Client and servers share the machine.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Data: default demo (20,000 shoppers, 30 days), seeded in {seedSeconds:F1} s; {modelText}. {decisionCost.Campaigns} active campaigns in the snapshot; answers of {bytes} bytes.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Load: closed loop, {connections} keep-alive connections, {seconds} s per target after a 3 s warm-up; random demo shoppers, placement sidebar; every request carries the storefront key header.");
        text.AppendLine();
        text.AppendLine("| target | requests/s | p50 ms | p90 ms | p99 ms | failures |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        text.AppendLine(floor.MarkdownRow());
        foreach (var (k, u) in keyed.Zip(unkeyed))
        {
            text.AppendLine(k.MarkdownRow());
            text.AppendLine(u.MarkdownRow());
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"/serve (key checked, median of {keyed.Count} rounds) reaches {withCheck / floor.RequestsPerSecond:P0} of the bare endpoint's throughput.");
        text.AppendLine();
        text.AppendLine("## The storefront-key check");
        text.AppendLine();
        text.AppendLine("The same app process serves `/serve` with the key check and, in the `Benchmark` environment only, `/bench/serve-without-key`: the same handler, body limit and pipeline, without the `RequiresStorefrontKey` marker. The two alternate, flipping order every round.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| | with key check | without | ratio |");
        text.AppendLine("|---|---:|---:|---:|");
        for (var i = 0; i < pairs.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| round {i + 1} | {keyed[i].RequestsPerSecond:N0} req/s | {unkeyed[i].RequestsPerSecond:N0} req/s | {pairs[i]:P1} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **median** | **{withCheck:N0} req/s** | **{withoutCheck:N0} req/s** | **{withCheck / withoutCheck:P1}** |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The check costs {1 - (withCheck / withoutCheck):P1} of throughput by the medians, {1 - Median(pairs):P1} by the median of the rounds' ratios (target: under 5 %); the rounds' ratios range from {pairs.Min():P1} to {pairs.Max():P1}, which is the noise of this machine.");
        text.AppendLine(CultureInfo.InvariantCulture, $"In process, over 1,000,000 lookups of a valid key: {lookupNs:F0} ns and {lookupBytes:F1} bytes allocated per lookup (SHA-256 into stack memory, then the frozen ring).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"In process, over {DecisionIterations:N0} calls on the live path ({decisionCost.ModelText}): decision engine {decisionCost.DecideNanoseconds:F0} ns and {decisionCost.DecideBytes:F0} bytes allocated per decision; with the signed decision id (HMAC-SHA256) {decisionCost.ServeNanoseconds:F0} ns and {decisionCost.ServeBytes:F0} bytes.");
        text.AppendLine();
        text.AppendLine("Reproduce: `dotnet run -c Release --project bench/AdStudio.Bench -- [connections=32] [seconds=15] [rounds=8]`.");
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
