namespace AdStudio.Core.Modeling;

/// <summary>A trained click or conversion model in the registry, with its validation metrics.</summary>
public sealed class ModelVersion
{
    public int Id { get; set; }

    public ModelKind Kind { get; set; }

    public required string Trainer { get; set; }

    public ModelStatus Status { get; set; }

    /// <summary>Model file name inside the data folder's models directory.</summary>
    public required string FileName { get; set; }

    public long Rows { get; set; }

    public double TrainingSeconds { get; set; }

    public double? Auc { get; set; }

    public double? LogLoss { get; set; }

    /// <summary>Log loss ÷ the entropy of the base rate; below 1 beats always predicting the base rate.</summary>
    public double? NormalisedEntropy { get; set; }

    /// <summary>Expected calibration error over ten bins.</summary>
    public double? CalibrationError { get; set; }

    public double? OracleAuc { get; set; }

    public double? OracleLogLoss { get; set; }

    public DateTime TrainedAt { get; set; }

    /// <summary>When it last became the active model (by promotion or by hand); what roll back goes back to.</summary>
    public DateTime? ActivatedAt { get; set; }

    /// <summary>The <see cref="Features.FeatureLayout"/> the model was trained on, as JSON.</summary>
    public string FeatureLayoutJson { get; set; } = "";

    /// <summary>ROC curve, reliability bins and feature importance on the validation window, as JSON (<see cref="ModelDiagnostics"/>).</summary>
    public string DiagnosticsJson { get; set; } = "";

    /// <summary>First and last day of the validation window the metrics come from.</summary>
    public DateTime? ValidationFrom { get; set; }
}
