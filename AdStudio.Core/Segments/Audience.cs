using AdStudio.Core.Segments.Rules;

namespace AdStudio.Core.Segments;

/// <summary>
/// Every consenting shopper with their attributes and profile, in memory and immutable, so a rule's size can
/// be counted while a marketer types. Shoppers without tracking consent are never part of an audience.
/// </summary>
public sealed class Audience(DateTime builtAt, AudienceRow[] rows, string[] categories)
{
    public static Audience Empty { get; } = new(DateTime.MinValue, [], []);

    public DateTime BuiltAt { get; } = builtAt;

    public IReadOnlyList<AudienceRow> Rows { get; } = rows;

    public IReadOnlyList<string> Categories { get; } = categories;

    public IReadOnlyDictionary<string, int> CategoryIndex { get; } =
        categories.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.OrdinalIgnoreCase);

    /// <summary>This audience without <paramref name="shopperId"/> (an erasure), and how many rows were dropped.</summary>
    public (Audience Audience, int Removed) Without(string shopperId)
    {
        var kept = rows.Where(r => !string.Equals(r.ShopperId, shopperId, StringComparison.Ordinal)).ToArray();
        return kept.Length == rows.Length ? (this, 0) : (new Audience(BuiltAt, kept, categories), rows.Length - kept.Length);
    }

    public int Count(RuleNode rule)
    {
        var matches = RuleEvaluator.Compile(rule, CategoryIndex);
        var count = 0;
        foreach (var row in rows)
        {
            if (matches(row))
            {
                count++;
            }
        }

        return count;
    }

    public List<string> Members(RuleNode rule)
    {
        var matches = RuleEvaluator.Compile(rule, CategoryIndex);
        return [.. rows.Where(matches).Select(r => r.ShopperId)];
    }
}
