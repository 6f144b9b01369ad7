using System.Text;
using System.Text.RegularExpressions;

namespace AdStudio.Core.Creatives.Copy;

/// <summary>
/// Ad copy with placeholders filled per shopper: <c>{{top_category|our bestsellers}}</c> is replaced by the
/// shopper's value, or by the text after the bar when the value is missing. Placeholders that depend on the
/// shopper must carry a fallback, so no shopper ever sees a hole in the copy.
/// </summary>
public static partial class CopyTemplate
{
    /// <summary>The shopper's strongest interest category.</summary>
    public const string TopCategory = "top_category";

    /// <summary>The shopper's region.</summary>
    public const string Region = "region";

    /// <summary>The creative's advertised discount ("20%"); always known, so it needs no fallback.</summary>
    public const string Discount = "discount";

    public static IReadOnlyList<string> Placeholders { get; } = [TopCategory, Region, Discount];

    [GeneratedRegex(@"\{\{\s*(?<name>[a-z_]+)\s*(?:\|(?<fallback>[^{}]*))?\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PlaceholderPattern();

    /// <summary>Problems with a template: unknown placeholders, missing fallbacks, unbalanced braces. Empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string? template)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(template))
        {
            return problems;
        }

        foreach (Match m in PlaceholderPattern().Matches(template))
        {
            var name = m.Groups["name"].Value;
            if (!Placeholders.Contains(name))
            {
                problems.Add($"Unknown placeholder {{{{{name}}}}}; use one of {string.Join(", ", Placeholders.Select(p => "{{" + p + "}}"))}.");
            }
            else if (name != Discount && !m.Groups["fallback"].Success)
            {
                problems.Add($"{{{{{name}}}}} needs a fallback for shoppers without one, for example {{{{{name}|our bestsellers}}}}.");
            }
        }

        var rest = PlaceholderPattern().Replace(template, "");
        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal))
        {
            problems.Add("A placeholder is not closed: write {{name|fallback}}.");
        }

        return problems;
    }

    /// <summary>Fills the placeholders; a missing or blank value takes the fallback (or nothing, for an unchecked template).</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string?> values)
    {
        if (!template.Contains("{{", StringComparison.Ordinal))
        {
            return template;
        }

        return PlaceholderPattern().Replace(template, m =>
        {
            var value = values.GetValueOrDefault(m.Groups["name"].Value);
            return string.IsNullOrWhiteSpace(value) ? m.Groups["fallback"].Value.Trim() : value;
        });
    }

    /// <summary>Text with the placeholders removed, for length checks: each counts at its fallback's length or 12 characters, whichever is longer.</summary>
    public static int WorstCaseLength(string? template)
    {
        if (string.IsNullOrEmpty(template))
        {
            return 0;
        }

        var length = new StringBuilder(template.Length);
        var last = 0;
        foreach (Match m in PlaceholderPattern().Matches(template))
        {
            length.Append(template, last, m.Index - last);
            length.Append('x', Math.Max(12, m.Groups["fallback"].Value.Trim().Length));
            last = m.Index + m.Length;
        }

        length.Append(template, last, template.Length - last);
        return length.Length;
    }
}
