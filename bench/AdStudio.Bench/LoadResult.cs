using System.Globalization;

namespace AdStudio.Bench;

/// <summary>Throughput and latency percentiles of one load run.</summary>
internal sealed record LoadResult(string Target, long Requests, long Failures, double Seconds, double[] LatenciesMs)
{
    public double RequestsPerSecond => Requests / Seconds;

    public double Percentile(double percent)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(percent / 100 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Length - 1)];
    }

    public string MarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Target} | {RequestsPerSecond:N0} | {Percentile(50):F2} | {Percentile(90):F2} | {Percentile(99):F2} | {Failures} |");
}
