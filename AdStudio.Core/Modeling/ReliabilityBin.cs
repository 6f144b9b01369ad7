namespace AdStudio.Core.Modeling;

/// <summary>One bin of a reliability diagram: predictions in [bin/10, (bin+1)/10).</summary>
public sealed record ReliabilityBin(int Bin, int Count, double MeanPrediction, double ObservedRate);
