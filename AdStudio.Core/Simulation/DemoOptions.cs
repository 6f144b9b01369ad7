using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Simulation;

/// <summary>Demo data settings (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed the demo shop on first start with an empty database.</summary>
    public bool Enabled { get; set; } = true;

    [Range(10, 5_000_000)]
    public int Shoppers { get; set; } = 20_000;

    /// <summary>Days of behaviour and ad history before today.</summary>
    [Range(1, 365)]
    public int Days { get; set; } = 30;

    public int Seed { get; set; } = 42;

    /// <summary>Share of simulated sessions that also request a second ad (a leaderboard on desktop).</summary>
    [Range(0.0, 1.0)]
    public double SecondPlacementShare { get; set; } = 0.5;
}
