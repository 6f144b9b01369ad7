namespace AdStudio.Core.Profiling;

/// <summary>
/// Shoppers a run left out because their data could not be turned into a finite profile, counted by reason.
/// Only counts leave this class: shopper ids are personal data and stay out of run messages and logs.
/// </summary>
internal sealed class SkippedShoppers
{
    private readonly SortedDictionary<string, int> _reasons = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(string reason)
    {
        _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
        Count++;
    }

    /// <summary>"" when none was skipped, else " N shopper(s) skipped: …" to append to a run's message.</summary>
    public string Summary() => Count == 0
        ? ""
        : $" {Count:N0} shopper(s) skipped: {string.Join("; ", _reasons.Select(r => $"{r.Value:N0} {r.Key}"))}.";
}
