using AdStudio.Core.Segments;
using AdStudio.Core.Segments.Rules;

namespace AdStudio.Web.Features.Segments;

/// <summary>The values shoppers actually have for each list field (region, gender, …), so the builder can offer valid ones.</summary>
public static class ListFieldValues
{
    /// <summary>At most this many values per field: enough for hints, few enough to read.</summary>
    public const int MaxPerField = 20;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> From(Audience audience) =>
        RuleFields.Lists.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<string>)[.. audience.Rows.SelectMany(f.Value).OfType<string>().Where(v => v.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).Take(MaxPerField)],
            StringComparer.Ordinal);
}
