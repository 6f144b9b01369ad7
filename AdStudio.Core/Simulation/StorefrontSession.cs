namespace AdStudio.Core.Simulation;

/// <summary>One simulated visit: who, when, and on which device.</summary>
internal readonly record struct StorefrontSession(SimulatedShopper Shopper, DateTime Start, bool IsMobile);
