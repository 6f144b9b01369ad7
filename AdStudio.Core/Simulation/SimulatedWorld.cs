namespace AdStudio.Core.Simulation;

/// <summary>The shoppers of a simulated shop, generated from a seed.</summary>
public sealed record SimulatedWorld(int Seed, IReadOnlyList<SimulatedShopper> Shoppers);
