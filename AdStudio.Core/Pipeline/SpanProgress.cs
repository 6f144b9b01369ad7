namespace AdStudio.Core.Pipeline;

/// <summary>Maps a part's progress (0–1) onto its span [from, to] of the whole run's progress.</summary>
public sealed class SpanProgress(IProgress<double> whole, double from, double to) : IProgress<double>
{
    public void Report(double value) => whole.Report(from + ((to - from) * Math.Clamp(value, 0, 1)));
}
