namespace AdStudio.Core.Simulation;

/// <summary>The simulator's hidden facts about a creative: what it promotes and how appealing it is.</summary>
public sealed record CreativeTruth(int CategoryIndex, double Appeal, double Discount);
