using AdStudio.Core.Modeling;

namespace AdStudio.Web.Features.Models;

/// <summary>A model version as the API shows it: <c>kind</c> ctr or cvr, <c>status</c> active, candidate or retired.</summary>
public sealed record ModelDto(
    int Id, string Kind, string Trainer, string Status, double? Auc, double? LogLoss, double? NormalisedEntropy, double? CalibrationError,
    double? OracleAuc, double? OracleLogLoss, DateTime TrainedAt, long Rows, double TrainingSeconds)
{
    public static ModelDto From(ModelVersion version) => new(
        version.Id, version.Kind.ToString().ToLowerInvariant(), version.Trainer, version.Status.ToString().ToLowerInvariant(), Finite(version.Auc), Finite(version.LogLoss),
        Finite(version.NormalisedEntropy), Finite(version.CalibrationError), Finite(version.OracleAuc), Finite(version.OracleLogLoss), version.TrainedAt, version.Rows, version.TrainingSeconds);

    // JSON has no NaN: an undefined metric (one class only) is null.
    private static double? Finite(double? value) => value is { } finite && double.IsFinite(finite) ? finite : null;
}
