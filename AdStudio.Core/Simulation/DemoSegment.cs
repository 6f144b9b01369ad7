namespace AdStudio.Core.Simulation;

/// <summary>A demo audience defined on shopper attributes.</summary>
public sealed record DemoSegment(string Name, string Description, string RuleJson, Func<SimulatedShopper, bool> Includes);
