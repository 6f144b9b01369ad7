namespace AdStudio.Core.Simulation;

/// <summary>A demo ad: image file under <c>wwwroot/demo</c>, copy, and the hidden appeal the simulator uses.</summary>
public sealed record DemoCreative(string File, int Width, int Height, string Headline, double Discount, double Appeal);
