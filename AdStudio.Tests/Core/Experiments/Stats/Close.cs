namespace AdStudio.Tests.Core.Experiments.Stats;

/// <summary>Golden values are published to 5 decimals; a value matches when it is within half a unit of the last one.</summary>
internal static class Close
{
    public static void To(double expected, double? actual, double tolerance = 5.1e-6)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(expected - actual.Value) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");
    }
}
