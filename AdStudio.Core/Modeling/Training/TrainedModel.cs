using Microsoft.ML;

namespace AdStudio.Core.Modeling.Training;

/// <summary>A fitted model, its validation metrics and scores, and how long it took.</summary>
public sealed record TrainedModel(
    string Trainer, ModelKind Kind, ITransformer Model, DataViewSchema Schema, BinaryMetrics Metrics, double TrainingSeconds, double[] ValidationScores);
