namespace AdStudio.Bench;

/// <summary>Time and bytes allocated per call of the decision engine alone and of a served ad with its signed id.</summary>
internal sealed record DecisionCostResult(
    double DecideNanoseconds,
    double DecideBytes,
    double ServeNanoseconds,
    double ServeBytes,
    int Campaigns,
    int? CtrModelId,
    int? CvrModelId)
{
    public string ModelText => CtrModelId is null && CvrModelId is null
        ? "no active model (smoothed history)"
        : $"CTR model #{CtrModelId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, CVR model #{CvrModelId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
}
