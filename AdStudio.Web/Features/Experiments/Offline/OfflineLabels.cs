using AdStudio.Core.Experiments.Offline;

namespace AdStudio.Web.Features.Experiments.Offline;

/// <summary>Names of the offline analysis' metrics as the page and its CSV show them.</summary>
public static class OfflineLabels
{
    public static string Metric(string metric) => metric switch
    {
        OfflineMetric.ConversionRate => "Shopper conversion",
        OfflineMetric.RevenuePerUnit => "Revenue per unit",
        _ => metric,
    };
}
