namespace AdStudio.Core.Experiments;

/// <summary>How a stopped experiment was decided; stored as <c>ship:{variantId}</c>, <c>keep_control</c> or <c>inconclusive</c>.</summary>
public static class ExperimentDecision
{
    public const string KeepControl = "keep_control";
    public const string Inconclusive = "inconclusive";
    private const string ShipPrefix = "ship:";

    public static string Ship(int variantId) => ShipPrefix + variantId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The shipped variant's id, or null for the other decisions.</summary>
    public static int? ShippedVariant(string? decision) =>
        decision is not null && decision.StartsWith(ShipPrefix, StringComparison.Ordinal)
        && int.TryParse(decision.AsSpan(ShipPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string Describe(Experiment experiment) => experiment.Decision switch
    {
        KeepControl => "Keep control",
        Inconclusive => "Inconclusive",
        _ when ShippedVariant(experiment.Decision) is { } id => $"Ship {experiment.Variants.FirstOrDefault(v => v.Id == id)?.Name ?? $"variant #{id}"}",
        _ => "—",
    };
}
