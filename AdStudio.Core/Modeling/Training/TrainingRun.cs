namespace AdStudio.Core.Modeling.Training;

/// <summary>One training run: its data, where validation starts, and when it ran.</summary>
public sealed record TrainingRun(TrainingData Data, DateTime ValidationFrom, DateTime StartedAt);
