using System.Globalization;

namespace AdStudio.Core.Segments.Clustering;

/// <summary>
/// Names a cluster by what sets it apart: the features whose cluster mean lies furthest above the overall
/// mean (in standard deviations), up to three, phrased for a marketer ("High spend · Electronics · Evenings").
/// </summary>
public static class ClusterLabeler
{
    private const double Notable = 0.4;

    public static string Label(IReadOnlyList<string> featureNames, float[] centroid)
    {
        var candidates = featureNames
            .Select((name, i) => (name, z: (double)centroid[i]))
            .Where(f => Math.Abs(f.z) >= Notable && Phrase(f.name, f.z) is not null)
            .OrderByDescending(f => f.name.StartsWith("interest_", StringComparison.Ordinal) && f.z > 0 ? f.z + 0.5 : Math.Abs(f.z));
        var parts = new List<string>();
        var daypartNamed = false;
        foreach (var (name, z) in candidates)
        {
            // One daypart is enough: "Mornings · Night owls" would contradict itself.
            var isDaypart = name.StartsWith("daypart_", StringComparison.Ordinal);
            if ((isDaypart && daypartNamed) || parts.Count == 3)
            {
                continue;
            }

            daypartNamed |= isDaypart;
            parts.Add(Phrase(name, z)!);
        }

        return parts.Count == 0 ? "Typical shoppers" : string.Join(" · ", parts);
    }

    private static string? Phrase(string feature, double zScore) => feature switch
    {
        "recency" => zScore > 0 ? "Lapsed" : "Recently active",
        "visits" => zScore > 0 ? "Frequent visitors" : "Rare visitors",
        "purchases" => zScore > 0 ? "Frequent buyers" : null,
        "spend" => zScore > 0 ? "High spend" : "Low spend",
        "dwell" => zScore > 0 ? "Long browsers" : "Quick browsers",
        "price_sensitivity" => zScore > 0 ? "Bargain seekers" : "Premium buyers",
        _ when feature.StartsWith("daypart_", StringComparison.Ordinal) && zScore > 0 => DaypartPhrase(feature["daypart_".Length..]),
        _ when feature.StartsWith("interest_", StringComparison.Ordinal) && zScore > 0 => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(feature["interest_".Length..]),
        _ => null,
    };

    private static string DaypartPhrase(string daypart) => daypart switch
    {
        "night" => "Night owls",
        "morning" => "Mornings",
        "afternoon" => "Afternoons",
        _ => "Evenings",
    };
}
