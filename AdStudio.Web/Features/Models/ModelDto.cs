using AdStudio.Core.Modeling;

namespace AdStudio.Web.Features.Models;

/// <summary>A model version as the API shows it: <c>kind</c> ctr or cvr, <c>status</c> active, candidate or retired.</summary>
public sealed record ModelDto(
    int Id, string Kind, string Trainer, string Status, double? Auc, double? LogLoss, double? NormalisedEntropy, double? CalibrationError,
    double? OracleAuc, double? OracleLogLoss, DateTime TrainedAt, long Rows, double TrainingSeconds)
{
    public static ModelDto From(ModelVersion v) => new(
        v.Id, v.Kind.ToString().ToLowerInvariant(), v.Trainer, v.Status.ToString().ToLowerInvariant(), Finite(v.Auc), Finite(v.LogLoss),
        Finite(v.NormalisedEntropy), Finite(v.CalibrationError), Finite(v.OracleAuc), Finite(v.OracleLogLoss), v.TrainedAt, v.Rows, v.TrainingSeconds);

    // JSON has no NaN: an undefined metric (one class only) is null.
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
