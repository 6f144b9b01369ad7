using AdStudio.Bench;

// `baseline-server PORT FILE` is the child process that answers with fixed bytes; anything else runs the benchmarks.
if (args is ["baseline-server", var port, var bodyFile])
{
    await BaselineServer.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), bodyFile);
    return;
}

if (args is ["profile", ..])
{
    await ProfilingBenchmark.RunAsync(ServeBenchmark.RepositoryRoot());
    return;
}

if (args is ["models", ..])
{
    await ModelBenchmark.RunAsync(ServeBenchmark.RepositoryRoot());
    return;
}

if (args is ["demo-economics", ..])
{
    await DemoEconomicsReport.RunAsync(ServeBenchmark.RepositoryRoot(), args);
    return;
}

if (args is ["import", ..])
{
    await ImportBenchmark.RunAsync(ServeBenchmark.RepositoryRoot());
    return;
}

if (args is ["ingest", ..])
{
    var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    await IngestBenchmark.RunAsync(ServeBenchmark.RepositoryRoot(), TimeSpan.FromSeconds(seconds));
    return;
}

if (args is ["postgres-ingest", ..])
{
    var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    await PostgresIngestBenchmark.RunAsync(ServeBenchmark.RepositoryRoot(), TimeSpan.FromSeconds(seconds));
    return;
}

if (args is ["postgres-serve", .. var serveArguments])
{
    await PostgresServeBenchmark.RunAsync(serveArguments);
    return;
}

if (args is ["postgres-steps", .. var stepArguments])
{
    await PostgresStepsBenchmark.RunAsync(ServeBenchmark.RepositoryRoot(), stepArguments);
    return;
}

await ServeBenchmark.RunAsync(args);
