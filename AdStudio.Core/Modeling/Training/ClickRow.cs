namespace AdStudio.Core.Modeling.Training;

/// <summary>One training row: an impression described only by what was known before it, and whether it was clicked.</summary>
public sealed record ClickRow(DateTime At, string ShopperId, int CreativeId, int Hour, float[] Features, bool Clicked);
