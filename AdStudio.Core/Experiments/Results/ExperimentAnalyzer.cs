using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Core.Experiments.Results;

/// <summary>
/// Turns per-shopper outcomes into experiment results. The unit is the shopper: only shoppers with an
/// impression in the experiment count, each in the arm the bucketer gave them. Pure: no database, no clock.
/// </summary>
public static class ExperimentAnalyzer
{
    /// <param name="minimums">Units and events per arm below which a comparison is "not enough data yet"; null for the defaults.</param>
    public static ExperimentResults Analyze(ExperimentDesign design, IReadOnlyList<ShopperDay> days, IReadOnlyDictionary<string, double> preExperimentSpend, ExperimentsOptions? minimums = null)
    {
        minimums ??= new ExperimentsOptions();
        var warnings = new List<string>();
        var armIndex = design.Arms.Select((a, i) => (a.VariantId, i)).ToDictionary(x => x.VariantId, x => x.i);
        var totals = new Dictionary<string, ShopperTotals>(StringComparer.Ordinal);
        var crossed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            if (!armIndex.ContainsKey(day.VariantId))
            {
                continue;
            }

            if (totals.TryGetValue(day.ShopperId, out var shopperTotals) && shopperTotals.VariantId != day.VariantId)
            {
                crossed.Add(day.ShopperId);
                continue;
            }

            if (shopperTotals is null)
            {
                totals[day.ShopperId] = shopperTotals = new ShopperTotals(day.VariantId);
            }

            shopperTotals.Add(day);
        }

        if (crossed.Count > 0)
        {
            warnings.Add($"{crossed.Count} shopper(s) were seen in more than one arm; each is kept in the first arm seen.");
        }

        var exposed = totals.Where(kv => kv.Value.Impressions > 0).ToList();
        var arms = ArmUnitsOf(design, exposed.Select(kv => kv.Value));
        var srm = arms.Count >= 2 ? SampleRatioCheck.PValue([.. arms.Select(a => a.Units)], [.. arms.Select(a => a.Weight)]) : 1;
        var mismatch = srm < SampleRatioCheck.Threshold;
        if (mismatch)
        {
            warnings.Add($"Sample-ratio mismatch (p = {srm:G3}): the arms did not receive their configured shares, so assignment or logging is broken and these results should not be trusted.");
        }

        var options = new CompareOptions(design.Alpha, Alternative.TwoSided, DifferenceType.Relative, design.Sequential, design.SequentialTuning);
        var metrics = new List<MetricResult>
        {
            Proportions(design, exposed, options),
            Ratio(design, exposed, MetricKey.Ctr, t => (t.Clicks, t.Impressions), t => t.Clicks, options),
            Revenue(design, exposed, preExperimentSpend, options),
            Ratio(design, exposed, MetricKey.Roi, t => (t.Revenue - t.Cost, t.Cost), t => t.Conversions, options),
        }.Select(m => Judge(m, design, minimums)).ToList();

        var method = design.Sequential
            ? $"Sequential (always-valid confidence sequences, N* = {design.SequentialTuning:N0})"
            : "Fixed horizon (Welch t-test)";
        return new ExperimentResults(
            design.Id, design.Name, design.Status, method, design.Alpha, arms, srm, mismatch, design.PlannedUnitsPerVariant,
            metrics, CumulativeLift.Of(design, days, options), warnings)
        {
            PrimaryMetric = design.PrimaryMetric,
            ExposureDays = ExposureDays(design, days),
            MinimumDetectableEffect = design.MinimumDetectableEffect,
            Sequential = design.Sequential,
        };
    }

    /// <summary>Marks the primary metric and each arm with too few units or events (a treatment also needs the control to have enough).</summary>
    private static MetricResult Judge(MetricResult metric, ExperimentDesign design, ExperimentsOptions minimums)
    {
        bool Enough(VariantMetric metric) => metric.Units >= minimums.MinUnitsPerArm && metric.Events >= minimums.MinEventsPerArm;
        var control = metric.Variants.Count > 0 && Enough(metric.Variants[0]);
        return metric with
        {
            IsPrimary = metric.Key == design.PrimaryMetric,
            Variants = [.. metric.Variants.Select((v, i) => v with { EnoughData = Enough(v) && (i == 0 || control) })],
        };
    }

    /// <summary>Days from the first to the last day with an exposure in the experiment's arms; 0 before any.</summary>
    private static int ExposureDays(ExperimentDesign design, IReadOnlyList<ShopperDay> days)
    {
        var arms = design.Arms.Select(a => a.VariantId).ToHashSet();
        var exposed = days.Where(d => d.Impressions > 0 && arms.Contains(d.VariantId)).Select(d => d.Day).ToList();
        return exposed.Count == 0 ? 0 : exposed.Max().DayNumber - exposed.Min().DayNumber + 1;
    }

    private static List<ArmUnits> ArmUnitsOf(ExperimentDesign design, IEnumerable<ShopperTotals> exposed)
    {
        var counts = exposed.GroupBy(t => t.VariantId).ToDictionary(g => g.Key, g => (long)g.Count());
        var total = Math.Max(1, counts.Values.Sum());
        var weights = design.Arms.Sum(a => a.Weight);
        return [.. design.Arms.Select(a => new ArmUnits(
            a.VariantId, a.Name, a.IsControl, a.Weight, counts.GetValueOrDefault(a.VariantId),
            weights > 0 ? a.Weight / weights : 0, (double)counts.GetValueOrDefault(a.VariantId) / total)
        { Label = a.Label, CreativeId = a.CreativeId })];
    }

    private static MetricResult Proportions(ExperimentDesign design, List<KeyValuePair<string, ShopperTotals>> exposed, CompareOptions options)
    {
        var stats = Collect(design, exposed, (s, t) => s.Add(t.Value.Conversions > 0 ? 1 : 0), default(SampleStats));
        return Build(design, MetricKey.ConversionRate, false, [.. stats.Select(s => (s.N, s.Mean, (long)Math.Round(s.Sum)))],
            (c, t) => Comparison.Compare(ArmMoments.OfProportion(stats[c]), ArmMoments.OfProportion(stats[t]), options));
    }

    private static MetricResult Ratio(
        ExperimentDesign design, List<KeyValuePair<string, ShopperTotals>> exposed, string key, Func<ShopperTotals, (double Num, double Den)> parts, Func<ShopperTotals, long> events, CompareOptions options)
    {
        var stats = Collect(design, exposed, (s, t) =>
        {
            var (num, den) = parts(t.Value);
            return s.Add(num, den);
        }, default(RatioStats));
        var counts = Collect(design, exposed, (n, t) => n + events(t.Value), 0L);
        var lift = options with { Difference = MetricKey.LiftType(key) };
        return Build(design, key, false, [.. stats.Select((s, i) => (s.N, s.Ratio, counts[i]))], (c, t) =>
        {
            if (stats[c].Denominator.Sum == 0)
            {
                throw new StatsInputException($"The control arm has no {(key == MetricKey.Roi ? "cost" : "impressions")} yet, so the {MetricKey.Label(key)} comparison is undefined.");
            }

            return Comparison.Compare(ArmMoments.OfRatio(stats[c]), ArmMoments.OfRatio(stats[t]), lift);
        });
    }

    private static MetricResult Revenue(ExperimentDesign design, List<KeyValuePair<string, ShopperTotals>> exposed, IReadOnlyDictionary<string, double> pre, CompareOptions options)
    {
        var stats = Collect(design, exposed, (s, t) => s.Add(t.Value.Revenue, pre.GetValueOrDefault(t.Key)), default(CupedStats));
        var cuped = design.UseCuped && stats.Sum(s => s.Pre.Sum) > 0;
        var paying = Collect(design, exposed, (n, t) => n + (t.Value.Revenue > 0 ? 1 : 0), 0L);
        return Build(design, MetricKey.RevenuePerShopper, cuped, [.. stats.Select((s, i) => (s.N, s.Post.Mean, paying[i]))], (c, t) => cuped
            ? Comparison.Compare(stats[c], stats[t], options)
            : Comparison.Compare(ArmMoments.OfMean(stats[c].Post), ArmMoments.OfMean(stats[t].Post), options));
    }

    private static T[] Collect<T>(ExperimentDesign design, List<KeyValuePair<string, ShopperTotals>> exposed, Func<T, KeyValuePair<string, ShopperTotals>, T> add, T empty)
    {
        var index = design.Arms.Select((a, i) => (a.VariantId, i)).ToDictionary(x => x.VariantId, x => x.i);
        var stats = Enumerable.Repeat(empty, design.Arms.Count).ToArray();
        foreach (var shopper in exposed)
        {
            var i = index[shopper.Value.VariantId];
            stats[i] = add(stats[i], shopper);
        }

        return stats;
    }

    private static MetricResult Build(ExperimentDesign design, string key, bool cuped, (long Units, double Value, long Events)[] values, Func<int, int, ComparisonResult> compare)
    {
        var comparisons = new ComparisonResult?[design.Arms.Count];
        var problems = new string?[design.Arms.Count];
        for (var t = 1; t < design.Arms.Count; t++)
        {
            try
            {
                comparisons[t] = compare(0, t);
            }
            catch (StatsInputException ex)
            {
                problems[t] = ex.Message;
            }
        }

        var compared = Enumerable.Range(1, design.Arms.Count - 1).Where(t => comparisons[t] is not null).ToList();
        var adjusted = HolmCorrection.Adjust([.. compared.Select(t => comparisons[t]!.PValue)]);
        var variants = design.Arms.Select((arm, i) => new VariantMetric(
            arm.VariantId, values[i].Units, values[i].Value, comparisons[i],
            compared.IndexOf(i) is var comparedIndex and >= 0 ? adjusted[comparedIndex] : null, problems[i])
        { Events = values[i].Events }).ToList();
        return new MetricResult(key, MetricKey.Label(key), cuped, variants);
    }
}
