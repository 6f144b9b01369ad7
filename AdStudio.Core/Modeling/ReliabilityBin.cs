namespace AdStudio.Core.Modeling;

/// <summary>One bin of a reliability diagram: the <see cref="Bin"/>-th tenth of the predictions in sorted order.</summary>
public sealed record ReliabilityBin(int Bin, int Count, double MeanPrediction, double ObservedRate);
