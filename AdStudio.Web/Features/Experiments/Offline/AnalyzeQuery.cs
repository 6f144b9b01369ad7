using System.Globalization;
using AdStudio.Core.Experiments.Offline;
using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Web.Features.Experiments.Offline;

/// <summary>Reads <c>?control=</c>, <c>?alpha=</c>, <c>?sequential=</c> and <c>?weights=</c> (comma-separated) into options, or says what is wrong.</summary>
public static class AnalyzeQuery
{
    public static (OfflineOptions? Options, string? Error) Read(IQueryCollection query)
    {
        var alpha = 0.05;
        if (query["alpha"].ToString() is { Length: > 0 } alphaText
            && !(double.TryParse(alphaText, NumberStyles.Float, CultureInfo.InvariantCulture, out alpha) && alpha >= StatsLimits.MinAlpha && alpha <= StatsLimits.MaxAlpha))
        {
            return (null, $"alpha must be a number between {StatsLimits.MinAlpha} and {StatsLimits.MaxAlpha}; it is \"{alphaText}\".");
        }

        var sequential = false;
        if (query["sequential"].ToString() is { Length: > 0 } sequentialText && !bool.TryParse(sequentialText, out sequential))
        {
            return (null, $"sequential must be true or false; it is \"{sequentialText}\".");
        }

        List<double>? weights = null;
        if (query["weights"].ToString() is { Length: > 0 } weightsText)
        {
            weights = [];
            foreach (var part in weightsText.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!(double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight > 0 && double.IsFinite(weight)))
                {
                    return (null, $"weights must be positive numbers separated by commas, one per variant in file order; \"{part}\" is not.");
                }

                weights.Add(weight);
            }
        }

        var control = query["control"].ToString();
        return (new OfflineOptions(control.Length > 0 ? control : null, alpha, sequential, weights), null);
    }
}
