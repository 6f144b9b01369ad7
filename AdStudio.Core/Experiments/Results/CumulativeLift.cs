using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Core.Experiments.Results;

/// <summary>Shopper conversion's relative lift and interval as they stood at the end of each day, for the lift-over-time chart.</summary>
internal static class CumulativeLift
{
    public static List<CumulativePoint> Of(ExperimentDesign design, IReadOnlyList<ShopperDay> days, CompareOptions options)
    {
        var index = design.Arms.Select((a, i) => (a.VariantId, i)).ToDictionary(x => x.VariantId, x => x.i);
        var exposedArm = new Dictionary<string, int>(StringComparer.Ordinal);
        var converted = new HashSet<string>(StringComparer.Ordinal);
        var units = new long[design.Arms.Count];
        var conversions = new long[design.Arms.Count];
        var points = new List<CumulativePoint>();
        foreach (var group in days.Where(d => index.ContainsKey(d.VariantId)).GroupBy(d => d.Day).OrderBy(g => g.Key))
        {
            // Exposures first, so a shopper converting on the day of exposure counts.
            foreach (var d in group.Where(d => d.Impressions > 0))
            {
                if (exposedArm.TryAdd(d.ShopperId, index[d.VariantId]))
                {
                    units[index[d.VariantId]]++;
                }
            }

            foreach (var d in group.Where(d => d.Conversions > 0))
            {
                if (exposedArm.TryGetValue(d.ShopperId, out var arm) && arm == index[d.VariantId] && converted.Add(d.ShopperId))
                {
                    conversions[arm]++;
                }
            }

            for (var t = 1; t < design.Arms.Count; t++)
            {
                if (units[0] < 2 || units[t] < 2 || conversions[0] == 0)
                {
                    continue;
                }

                var comparison = Comparison.Compare(
                    ArmMoments.OfProportion(new SampleStats(units[0], conversions[0], conversions[0])),
                    ArmMoments.OfProportion(new SampleStats(units[t], conversions[t], conversions[t])),
                    options);
                points.Add(new CumulativePoint(group.Key, design.Arms[t].VariantId, comparison.Effect, comparison.CiLow, comparison.CiHigh));
            }
        }

        return points;
    }
}
