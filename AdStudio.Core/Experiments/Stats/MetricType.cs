namespace AdStudio.Core.Experiments.Stats;

/// <summary>How a metric's per-unit values are summarised.</summary>
public enum MetricType
{
    /// <summary>0/1 per unit (converted or not); variance p(1 − p).</summary>
    Proportion,

    /// <summary>Any number per unit (revenue per shopper); sample variance with n − 1.</summary>
    Mean,

    /// <summary>Σnumerator ÷ Σdenominator over units (CTR, ROI); variance by the delta method.</summary>
    Ratio,
}
