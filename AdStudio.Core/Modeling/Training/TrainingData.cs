using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Simulation;

namespace AdStudio.Core.Modeling.Training;

/// <summary>Point-in-time rows for every impression, the layout they were written with, and (on demo data) the oracle.</summary>
public sealed record TrainingData(List<ClickRow> Rows, FeatureLayout Layout, DemoOracle? Oracle);
