using System.Globalization;
using AdStudio.Core.Modeling;

namespace AdStudio.Web.Features.Models;

/// <summary>
/// The versions one training run registered (they share its start time), newest run first. A run that changed nothing —
/// every version repeats one of the run before with the same rows and metrics, and none was ever made active — is
/// <see cref="IsNoChange"/>, so the page says "no change" once instead of listing the same rows again.
/// </summary>
public sealed record ModelRun(DateTime TrainedAt, IReadOnlyList<ModelVersion> Versions, bool IsNoChange)
{
    private const double Same = 1e-9;

    /// <summary>Groups versions by run, newest first; within a run CTR before CVR, best AUC first.</summary>
    public static IReadOnlyList<ModelRun> Group(IEnumerable<ModelVersion> versions)
    {
        var runs = versions.GroupBy(v => v.TrainedAt).OrderByDescending(g => g.Key)
            .Select(g => g.OrderBy(v => v.Kind).ThenByDescending(v => v.Auc ?? double.MinValue).ThenBy(v => v.Id).ToList())
            .ToList();
        return [.. runs.Select((run, i) => new ModelRun(run[0].TrainedAt, run, i + 1 < runs.Count && Repeats(run, runs[i + 1])))];
    }

    /// <summary>One line per kind: how many versions, the best, and whether one became active.</summary>
    public string Summary(ModelKind kind)
    {
        var ofKind = Versions.Where(v => v.Kind == kind).ToList();
        var name = kind.ToString().ToUpperInvariant();
        if (ofKind.Count == 0)
        {
            return $"{name}: not trained";
        }

        var best = ofKind[0];
        var promoted = ofKind.FirstOrDefault(v => v.ActivatedAt is not null);
        var outcome = promoted switch
        {
            null => "none promoted",
            { Status: ModelStatus.Active } => $"#{promoted.Id} {promoted.Trainer} serves",
            _ => $"#{promoted.Id} {promoted.Trainer} was promoted",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{name}: {ofKind.Count} versions on {ofKind.Max(v => v.Rows):N0} rows, best AUC {Metric(best.Auc)} ({best.Trainer}), {outcome}");
    }

    /// <summary>The simulator's oracle on this run's validation rows (demo data only), per kind; null when absent.</summary>
    public string? Oracle(ModelKind kind) =>
        Versions.FirstOrDefault(v => v.Kind == kind && v.OracleAuc is not null) is { } version
            ? string.Create(CultureInfo.InvariantCulture, $"{kind.ToString().ToUpperInvariant()} oracle: AUC {Metric(version.OracleAuc)}, log loss {Metric(version.OracleLogLoss)}")
            : null;

    private static bool Repeats(List<ModelVersion> run, List<ModelVersion> previous) =>
        run.Count == previous.Count
        && run.All(v => v.ActivatedAt is null && v.Status != ModelStatus.Active)
        && run.All(v => previous.Any(p => p.Kind == v.Kind && p.Trainer == v.Trainer && p.Rows == v.Rows
            && Equal(p.Auc, v.Auc) && Equal(p.LogLoss, v.LogLoss) && Equal(p.CalibrationError, v.CalibrationError)));

    private static bool Equal(double? left, double? right) =>
        (left, right) switch
        {
            (null, null) => true,
            ({ } leftValue, { } rightValue) => (double.IsNaN(leftValue) && double.IsNaN(rightValue)) || Math.Abs(leftValue - rightValue) <= Same,
            _ => false,
        };

    internal static string Metric(double? value) =>
        value is { } finite && double.IsFinite(finite) ? finite.ToString("F4", CultureInfo.InvariantCulture) : "—";
}
