using System.Globalization;
using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Infrastructure;
using CsvHelper;

namespace AdStudio.Web.Features.Experiments;

/// <summary>An experiment's results as CSV: one row per metric and variant, named as on the page.</summary>
public static class ResultsCsv
{
    public static string Write(ExperimentResults results)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvFiles.WriterOptions, leaveOpen: true))
        {
            csv.WriteRecords(results.Metrics.SelectMany(m => m.Variants.Select(v =>
            {
                var arm = results.Arms.First(a => a.VariantId == v.VariantId);
                var comparison = v.Comparison;
                return new ResultsCsvRow(
                    m.Key, arm.Label, arm.IsControl, v.Units, v.Value, comparison?.Effect, comparison?.CiLow, comparison?.CiHigh, comparison?.PValue, v.AdjustedPValue, comparison?.ChanceToWin, m.CupedApplied, v.Problem,
                    m.Label, m.IsPrimary ? "primary" : "guardrail", ResultFormat.LiftType(m.LiftType), v.VariantId, arm.Name, arm.CreativeId, v.Events, v.EnoughData);
            })));
        }

        return text.ToString();
    }
}
