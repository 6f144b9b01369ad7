using System.Diagnostics;
using System.Text;

namespace AdStudio.Bench;

/// <summary>Closed-loop load: a fixed number of connections, each sending its next request as soon as the last one returns.</summary>
internal static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(
        string target, Uri url, IReadOnlyList<string> bodies, int connections, TimeSpan warmUp, TimeSpan measure, IReadOnlyList<(string Name, string Value)>? headers = null)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        await LoopAsync(client, url, bodies, headers ?? [], connections, warmUp, record: false);
        var started = Stopwatch.GetTimestamp();
        var perWorker = await LoopAsync(client, url, bodies, headers ?? [], connections, measure, record: true);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var latencies = perWorker.SelectMany(w => w.Latencies).Order().ToArray();
        return new LoadResult(target, latencies.Length, perWorker.Sum(w => w.Failures), seconds, latencies);
    }

    private static async Task<Worker[]> LoopAsync(
        HttpClient client, Uri url, IReadOnlyList<string> bodies, IReadOnlyList<(string Name, string Value)> headers, int connections, TimeSpan duration, bool record)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(i => new Worker(i)).ToArray();
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            var next = w.Index;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(bodies[next++ % bodies.Count], Encoding.UTF8, "application/json") };
                foreach (var (name, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                var sent = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    w.Failures++;
                }
                else if (record)
                {
                    w.Latencies.Add(ms);
                }
            }
        })));
        return workers;
    }

    private sealed class Worker(int index)
    {
        public int Index { get; } = index;

        public List<double> Latencies { get; } = [];

        public long Failures { get; set; }
    }
}
