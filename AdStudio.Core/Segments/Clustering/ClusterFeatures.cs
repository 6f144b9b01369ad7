using AdStudio.Core.Infrastructure;
using AdStudio.Core.Segments.Rules;

namespace AdStudio.Core.Segments.Clustering;

/// <summary>
/// The features clustering sees, standardised to mean 0 and standard deviation 1 so no unit dominates:
/// recency (days since last visit, capped at 90), visits in 30 days, purchases in 30 days, log(1 + spend in 90
/// days), average dwell, price sensitivity (0 when unknown), the four dayparts as 0/1, and the square root of
/// every category's interest share (the Hellinger transform steadies small shares), the interests counted
/// twice over (<see cref="InterestWeight"/>) because what shoppers care about separates them best.
/// </summary>
public sealed class ClusterFeatures
{
    private ClusterFeatures(string[] names, double[] means, double[] deviations)
    {
        Names = names;
        Means = means;
        Deviations = deviations;
    }

    public IReadOnlyList<string> Names { get; }

    public double[] Means { get; }

    public double[] Deviations { get; }

    public static readonly string[] Dayparts = ["night", "morning", "afternoon", "evening"];

    public const double InterestWeight = 2;

    public static (ClusterFeatures Features, float[][] Standardised) Build(Audience audience)
    {
        string[] names = ["recency", "visits", "purchases", "spend", "dwell", "price_sensitivity", .. Dayparts.Select(d => "daypart_" + d), .. audience.Categories.Select(c => "interest_" + c)];
        var raw = audience.Rows.Select(r => Raw(r, audience.Categories.Count)).ToArray();
        var means = new double[names.Length];
        var deviations = new double[names.Length];
        for (var j = 0; j < names.Length; j++)
        {
            means[j] = raw.Length == 0 ? 0 : raw.Average(x => x[j]);
            var variance = raw.Length < 2 ? 0 : raw.Sum(x => (x[j] - means[j]) * (x[j] - means[j])) / (raw.Length - 1);
            deviations[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        var interestStart = 6 + Dayparts.Length;
        var standardised = raw.Select(x => x.Select((v, j) => (float)((v - means[j]) / deviations[j] * (j >= interestStart ? InterestWeight : 1))).ToArray()).ToArray();
        return (new ClusterFeatures(names, means, deviations), standardised);
    }

    private static double[] Raw(AudienceRow row, int categories)
    {
        var values = new double[6 + Dayparts.Length + categories];
        values[0] = Math.Clamp(ValueBounds.Finite(row.DaysSinceLastVisit ?? 90, 90), 0, 90);
        values[1] = ValueBounds.Finite(row.Visits30d);
        values[2] = ValueBounds.Finite(row.Purchases30d);
        // Stored profiles are clamped as profiling clamps them, so no shopper turns a mean or deviation into NaN.
        values[3] = Math.Log(1 + ValueBounds.Money(row.Spend90d));
        values[4] = ValueBounds.Dwell(row.AverageDwellSeconds);
        values[5] = row.PriceSensitivity is { } sensitivity && double.IsFinite(sensitivity) ? Math.Clamp(sensitivity, 1 - ValueBounds.MaxPriceRatio, 1) : 0;
        var daypart = Array.IndexOf(Dayparts, row.PreferredDaypart);
        if (daypart >= 0)
        {
            values[6 + daypart] = 1;
        }

        for (var c = 0; c < categories; c++)
        {
            values[6 + Dayparts.Length + c] = float.IsFinite(row.Interests[c]) ? Math.Sqrt(Math.Clamp(row.Interests[c], 0, 1)) : 0;
        }

        return values;
    }
}
