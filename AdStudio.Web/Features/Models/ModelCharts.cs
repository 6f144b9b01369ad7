using AdStudio.Core.Modeling;
using ScottPlot;

namespace AdStudio.Web.Features.Models;

/// <summary>A model version's figures on its validation window: ROC curve, reliability diagram and feature importance.</summary>
public static class ModelCharts
{
    /// <summary>True against false positive rate, with the chance diagonal; null without a curve.</summary>
    public static Plot? Roc(ModelDiagnostics diagnostics, double? auc)
    {
        if (diagnostics.Roc.Count < 2)
        {
            return null;
        }

        var plot = new Plot();
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.Color = Colors.Gray;
        chance.LinePattern = LinePattern.Dashed;
        var curve = plot.Add.Scatter(diagnostics.Roc.Select(p => p.FalsePositiveRate).ToArray(), diagnostics.Roc.Select(p => p.TruePositiveRate).ToArray(), Colors.SteelBlue);
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = auc is { } aucValue ? $"AUC {aucValue:F3}" : "ROC";
        plot.Axes.Bottom.Label.Text = "False positive rate";
        plot.Axes.Left.Label.Text = "True positive rate";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>Observed rate against mean prediction per equal-count bin, with the perfect-calibration diagonal.</summary>
    public static Plot? Reliability(ModelDiagnostics diagnostics)
    {
        if (diagnostics.Reliability.Count == 0)
        {
            return null;
        }

        var top = Math.Max(diagnostics.Reliability.Max(b => b.MeanPrediction), diagnostics.Reliability.Max(b => b.ObservedRate)) * 100 * 1.1;
        var plot = new Plot();
        var ideal = plot.Add.Line(0, 0, top, top);
        ideal.Color = Colors.Gray;
        ideal.LinePattern = LinePattern.Dashed;
        var bins = plot.Add.Scatter(diagnostics.Reliability.Select(b => b.MeanPrediction * 100).ToArray(), diagnostics.Reliability.Select(b => b.ObservedRate * 100).ToArray(), Colors.DarkOrange);
        bins.MarkerSize = 7;
        bins.LegendText = "Bins of equal size";
        plot.Axes.Bottom.Label.Text = "Mean predicted rate (%)";
        plot.Axes.Left.Label.Text = "Observed rate (%)";
        plot.Axes.SetLimits(0, top, 0, top);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Increase in log loss when each feature group is shuffled, largest on top.</summary>
    public static Plot? Importance(ModelDiagnostics diagnostics)
    {
        var rows = diagnostics.Importance.Take(12).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var bars = rows.Select((r, i) => new Bar { Position = rows.Count - i, Value = r.LogLossIncrease * 1000, FillColor = r.LogLossIncrease > 0 ? Colors.SteelBlue : Colors.LightGray }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. rows.Select((r, i) => Tick.Major(rows.Count - i, r.Feature))]);
        plot.Axes.Bottom.Label.Text = "Log loss increase when shuffled (× 1000)";
        plot.Axes.Margins(left: 0);
        return plot;
    }
}
