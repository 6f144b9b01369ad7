using System.Globalization;
using AdStudio.Core.Experiments.Offline;
using AdStudio.Core.Infrastructure;
using CsvHelper;

namespace AdStudio.Web.Features.Experiments.Offline;

/// <summary>
/// The computed table as CSV: one row per variant and metric. Variant names come from the uploaded file, so text
/// fields that a spreadsheet would run as a formula are escaped.
/// </summary>
public static class OfflineResultsCsv
{
    public static string Write(OfflineResults results)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvFiles.WriterOptions, leaveOpen: true))
        {
            csv.WriteRecords(results.Variants.SelectMany(v => v.Metrics.Select(m => new OfflineResultsCsvRow(
                v.Name, v.Name == results.Control, v.Units, m.Metric, OfflineLabels.Metric(m.Metric), m.Value, m.Effect, m.CiLow, m.CiHigh, m.PValue, m.AdjustedPValue, m.ChanceToWin))));
        }

        return text.ToString();
    }
}
