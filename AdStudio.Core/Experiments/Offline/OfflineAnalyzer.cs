using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Core.Experiments.Offline;

/// <summary>
/// Judges a per-unit file with the live experiments' engine: conversion rate (a proportion) and revenue per unit (a
/// mean) of each variant against the control by <see cref="Comparison"/> (relative lift, fixed-horizon Welch or
/// sequential), Holm across three or more variants, and the sample-ratio check. Pure: no I/O.
/// </summary>
public static class OfflineAnalyzer
{
    public static OfflineResults Analyze(UnitFileSummary file, OfflineOptions options)
    {
        var variants = file.Variants;
        if (variants.Count < 2)
        {
            throw new UnitFileException(variants.Count == 0
                ? "The file has no valid rows, so there is nothing to compare."
                : $"The file has one variant only (\"{variants[0].Name}\"); an experiment needs at least two.");
        }

        var control = options.Control is null ? 0 : Index(variants, options.Control);
        if (options.Weights is { } weights && weights.Count != variants.Count)
        {
            throw new UnitFileException($"weights has {weights.Count} value(s) but the file has {variants.Count} variants ({string.Join(", ", variants.Select(v => v.Name))}).");
        }

        var warnings = new List<string>();
        if (file.Duplicates > 0)
        {
            warnings.Add($"{file.Duplicates:N0} row(s) repeat a unit_id already seen; only the first row of each unit counts (first examples: {string.Join(", ", file.DuplicateExamples)}).");
        }

        if (file.Rejected > 0)
        {
            warnings.Add($"{file.Rejected:N0} malformed row(s) were not counted (first: {string.Join("; ", file.RejectedExamples.Select(r => $"line {r.Row}: {r.Reason}"))}).");
        }

        SrmResult srm;
        try
        {
            var pValue = SampleRatioCheck.PValue([.. variants.Select(v => v.Units)], options.Weights ?? [.. variants.Select(_ => 1.0)]);
            srm = new SrmResult(pValue, pValue < SampleRatioCheck.Threshold);
        }
        catch (StatsInputException ex)
        {
            throw new UnitFileException(ex.Message, ex);
        }

        if (srm.Mismatch)
        {
            warnings.Add($"Sample-ratio mismatch (p = {srm.PValue.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}): the variants did not get the expected shares of units, so assignment or logging was broken and these results should not be trusted.");
        }

        // A finished file is judged once; sequential intervals are tightest at N* = the file's total units.
        var total = variants.Sum(v => v.Units);
        var compare = new CompareOptions(options.Alpha, Alternative.TwoSided, DifferenceType.Relative, options.Sequential, Math.Max(1, total));
        var conversion = Metric(variants, control, OfflineMetric.ConversionRate, v => ArmMoments.OfProportion(v.Conversions), compare, warnings);
        var revenue = file.HasRevenue
            ? Metric(variants, control, OfflineMetric.RevenuePerUnit, v => ArmMoments.OfMean(v.Revenue), compare, warnings)
            : null;
        var result = variants.Select((v, i) => new OfflineVariant(
            v.Name, v.Units, revenue is null ? [conversion[i]] : [conversion[i], revenue[i]])).ToList();
        return new OfflineResults(result, variants[control].Name, srm, file.Rejected, warnings);
    }

    private static int Index(IReadOnlyList<VariantTally> variants, string name)
    {
        for (var i = 0; i < variants.Count; i++)
        {
            if (string.Equals(variants[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new UnitFileException($"The control \"{name}\" is not a variant of the file; it has {string.Join(", ", variants.Select(v => $"\"{v.Name}\""))}.");
    }

    private static OfflineMetric[] Metric(
        IReadOnlyList<VariantTally> variants, int control, string key, Func<VariantTally, ArmMoments> moments, CompareOptions options, List<string> warnings)
    {
        var controlMoments = moments(variants[control]);
        var comparisons = new ComparisonResult?[variants.Count];
        for (var i = 0; i < variants.Count; i++)
        {
            if (i == control)
            {
                continue;
            }

            try
            {
                comparisons[i] = Comparison.Compare(controlMoments, moments(variants[i]), options);
            }
            catch (StatsInputException ex)
            {
                warnings.Add($"{key} of \"{variants[i].Name}\" cannot be compared: {ex.Message}");
            }
        }

        var compared = Enumerable.Range(0, variants.Count).Where(i => comparisons[i] is not null).ToList();
        // Holm only when several treatments share one control, as the live results do.
        var adjusted = variants.Count >= 3 ? HolmCorrection.Adjust([.. compared.Select(i => comparisons[i]!.PValue)]) : null;
        return [.. variants.Select((v, i) =>
        {
            var value = moments(v).Mean;
            if (comparisons[i] is not { } comparison)
            {
                return new OfflineMetric(key, value);
            }

            var comparedIndex = compared.IndexOf(i);
            return new OfflineMetric(key, value, comparison.Effect, comparison.CiLow, comparison.CiHigh, comparison.PValue, comparison.ChanceToWin, adjusted?[comparedIndex]);
        })];
    }
}
