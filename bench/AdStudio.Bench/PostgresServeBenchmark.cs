using System.Globalization;
using System.Text;
using System.Text.Json;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Bench;

/// <summary>
/// <c>/serve</c> of one app node on PostgreSQL against the same node on SQLite (the baseline): two Release processes,
/// each seeded with the default demo and trained, then driven in turn with the same closed-loop load, alternating
/// which goes first every round. <c>/serve</c> reads the in-memory snapshot, so the engine should not show.
/// </summary>
internal static class PostgresServeBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var connections = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 32;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
        var root = ServeBenchmark.RepositoryRoot();
        var key = ServeBenchmark.NewStorefrontKey();
        IReadOnlyList<(string, string)> keyHeader = [(ServeBenchmark.KeyHeader, key)];
        var sqlite = BenchDatabase.Allocate(StorageProvider.Sqlite, "serve");
        var postgres = BenchDatabase.Allocate(StorageProvider.Postgres, "serve");
        try
        {
            // The SQLite node uses the base port + 2, the PostgreSQL node + 3, clear of the /serve benchmark's two.
            using var sqliteApp = ServeBenchmark.StartApp(root, ServeBenchmark.BasePort() + 2, sqlite.Folder, key, []);
            var sqliteSetup = await PrepareAsync(sqliteApp, "SQLite", key);
            using var postgresApp = ServeBenchmark.StartApp(
                root, ServeBenchmark.BasePort() + 3, postgres.Folder, key,
                [$"--Storage:Provider={StorageProvider.Postgres}", $"--ConnectionStrings:{StorageOptions.PostgresConnectionName}={postgres.Target.ConnectionString}"]);
            var postgresSetup = await PrepareAsync(postgresApp, "PostgreSQL", key);

            var bodies = Enumerable.Range(0, 4096)
                .Select(i => JsonSerializer.Serialize(new { shopperId = $"shopper-{(i * 7919 % 20_000) + 1:D6}", placement = "sidebar" }))
                .ToArray();
            var warmUp = TimeSpan.FromSeconds(3);
            var measure = TimeSpan.FromSeconds(seconds);
            Console.WriteLine($"Load: {connections} connections, {seconds} s each, after {warmUp.TotalSeconds} s warm-up, {rounds} rounds.");
            var onSqlite = new List<LoadResult>();
            var onPostgres = new List<LoadResult>();
            for (var round = 1; round <= rounds; round++)
            {
                var sqliteRun = () => LoadGenerator.RunAsync($"SQLite node (round {round})", new Uri(sqliteApp.BaseAddress, "serve"), bodies, connections, warmUp, measure, keyHeader);
                var postgresRun = () => LoadGenerator.RunAsync($"PostgreSQL node (round {round})", new Uri(postgresApp.BaseAddress, "serve"), bodies, connections, warmUp, measure, keyHeader);
                if (round % 2 == 1)
                {
                    onSqlite.Add(await sqliteRun());
                    onPostgres.Add(await postgresRun());
                }
                else
                {
                    onPostgres.Add(await postgresRun());
                    onSqlite.Add(await sqliteRun());
                }

                Console.WriteLine($"round {round}: SQLite {onSqlite[^1].RequestsPerSecond:N0} req/s, PostgreSQL {onPostgres[^1].RequestsPerSecond:N0} req/s");
            }

            var report = Report(connections, seconds, sqliteSetup, postgresSetup, onSqlite, onPostgres);
            Console.WriteLine(report);
            var path = Path.Combine(root, "bench", "results", "postgres-serve.md");
            await File.WriteAllTextAsync(path, report);
            Console.WriteLine($"Wrote {path}");
        }
        finally
        {
            await BenchDatabase.ReleaseAsync(sqlite.Folder, sqlite.PostgresName);
            await BenchDatabase.ReleaseAsync(postgres.Folder, postgres.PostgresName);
        }
    }

    /// <summary>Waits for the node, its demo seed and its trained models; returns what the report says about it.</summary>
    private static async Task<string> PrepareAsync(AppProcess app, string engine, string key)
    {
        Console.WriteLine($"Starting the {engine} node …");
        await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        var seedSeconds = await ServeBenchmark.WaitForSeedAsync(app.BaseAddress);
        var models = await ServeBenchmark.TrainModelsAsync(app.BaseAddress);
        var bytes = (await ServeBenchmark.SampleAnswerAsync(app.BaseAddress, key)).Length;
        return string.Create(CultureInfo.InvariantCulture, $"{engine}: demo seeded in {seedSeconds:F1} s; {models}; answers of {bytes} bytes");
    }

    private static string Report(int connections, int seconds, string sqliteSetup, string postgresSetup, List<LoadResult> onSqlite, List<LoadResult> onPostgres)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var sqlite = Median(onSqlite.Select(r => r.RequestsPerSecond));
        var postgres = Median(onPostgres.Select(r => r.RequestsPerSecond));
        var ratios = onPostgres.Zip(onSqlite, (p, s) => p.RequestsPerSecond / s.RequestsPerSecond).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# /serve on PostgreSQL against SQLite — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Load generator, both app nodes and PostgreSQL ({BenchDatabase.ServerDescription()}) share the machine.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Nodes: two Release processes of the app, same settings but `Storage:Provider`; each seeded with the default demo (20,000 shoppers, 30 days) and trained (logistic regression) before any load. {sqliteSetup}. {postgresSetup}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Load: closed loop, {connections} keep-alive connections, {seconds} s per node and round after a 3 s warm-up; random demo shoppers, placement sidebar, storefront key on every request. The nodes alternate which goes first every round; the idle node keeps running (snapshot refresh, jobs).");
        text.AppendLine();
        text.AppendLine("| target | requests/s | p50 ms | p90 ms | p99 ms | failures |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (s, p) in onSqlite.Zip(onPostgres))
        {
            text.AppendLine(s.MarkdownRow());
            text.AppendLine(p.MarkdownRow());
        }

        text.AppendLine();
        text.AppendLine("| | SQLite node | PostgreSQL node | PostgreSQL / SQLite |");
        text.AppendLine("|---|---:|---:|---:|");
        for (var i = 0; i < ratios.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| round {i + 1} | {onSqlite[i].RequestsPerSecond:N0} req/s | {onPostgres[i].RequestsPerSecond:N0} req/s | {ratios[i]:P1} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **median** | **{sqlite:N0} req/s** | **{postgres:N0} req/s** | **{postgres / sqlite:P1}** |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"The rounds' ratios range from {ratios.Min():P1} to {ratios.Max():P1}: that spread is this machine's noise.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Reproduce: `dotnet run -c Release --project bench/AdStudio.Bench -- postgres-serve {connections} {seconds} {onSqlite.Count}` (PostgreSQL server from `{BenchDatabase.ServerVariable}`, default the test server of `tools/test-postgres.sh start`).");
        return text.ToString();
    }
}
