namespace AdStudio.Core.Experiments;

/// <summary>A campaign's recent reach and the conversion rate of the shoppers it reached.</summary>
public sealed record CampaignTraffic(double ShoppersPerDay, double ConversionRate)
{
    /// <summary>Shoppers per day as a whole number: a plan counts people, not fractions of them.</summary>
    public long RoundedShoppersPerDay => (long)Math.Round(ShoppersPerDay, MidpointRounding.AwayFromZero);

    /// <summary>True when nobody saw the campaign in the window, so neither reach nor a baseline can be measured.</summary>
    public bool HasNoHistory => RoundedShoppersPerDay <= 0;

    /// <summary>True when the baseline cannot come from history (no shoppers, or none of them converted) and is assumed.</summary>
    public bool BaselineAssumed => HasNoHistory || !(ConversionRate > 0 && ConversionRate < 1);

    /// <summary>The baseline a plan starts from: the measured shopper conversion, or <see cref="ExperimentPlanner.AssumedBaselineRate"/>.</summary>
    public double Baseline => BaselineAssumed ? ExperimentPlanner.AssumedBaselineRate : ConversionRate;
}
