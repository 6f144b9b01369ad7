using System.Text.RegularExpressions;
using AdStudio.Core.Creatives.Copy;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;

namespace AdStudio.Core.Creatives.Audit;

/// <summary>
/// The automatic checks a creative passes before a human reviews it: forbidden claims, copy length for its
/// placement, templates, an https landing page on an allowed host, and an image of a placement size.
/// </summary>
public static class CreativeAuditor
{
    public static IReadOnlyList<AuditFinding> Check(Creative creative, IReadOnlyDictionary<string, PlacementSize> placements, CreativeOptions options)
    {
        var findings = new List<AuditFinding>();
        CheckClaims(creative, options, findings);
        CheckTemplates(creative, findings);
        CheckLanding(creative.LandingUrl, options, findings);
        var placement = placements.FirstOrDefault(p => p.Value.Fits(creative.Width, creative.Height)).Key;
        if (string.IsNullOrEmpty(creative.ImageUrl))
        {
            findings.Add(new("image", "Upload an image."));
        }
        else if (placement is null)
        {
            findings.Add(new("image", $"The image is {creative.Width}×{creative.Height}; it must match a placement: {Formats(placements)}."));
        }
        else if (options.CopyLimits.TryGetValue(placement, out var limit))
        {
            CheckLength("headline", creative.Headline, limit.Headline, placement, findings);
            CheckLength("body", creative.Body, limit.Body, placement, findings);
        }

        if (string.IsNullOrWhiteSpace(creative.Headline))
        {
            findings.Add(new("headline", "Write a headline."));
        }

        return findings;
    }

    /// <summary>Problems with a landing URL alone (https, well formed, allowed host); empty when fine.</summary>
    public static IReadOnlyList<AuditFinding> CheckLanding(string? url, CreativeOptions options)
    {
        var findings = new List<AuditFinding>();
        CheckLanding(url, options, findings);
        return findings;
    }

    public static string Formats(IReadOnlyDictionary<string, PlacementSize> placements) =>
        string.Join(", ", placements.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} ({p.Key})"));

    private static void CheckClaims(Creative creative, CreativeOptions options, List<AuditFinding> findings)
    {
        foreach (var (field, text) in new[] { ("headline", creative.Headline), ("body", creative.Body), ("callToAction", creative.CallToAction) })
        {
            foreach (var phrase in options.ForbiddenPhrases.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                if (ContainsPhrase(text, phrase))
                {
                    findings.Add(new(field, $"\"{phrase}\" is a claim the shop's ad policy forbids."));
                }
            }
        }
    }

    private static bool ContainsPhrase(string? text, string phrase) =>
        !string.IsNullOrEmpty(text) && Regex.IsMatch(
            text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(phrase.Trim())}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    private static void CheckTemplates(Creative creative, List<AuditFinding> findings)
    {
        foreach (var (field, text) in new[] { ("headline", creative.Headline), ("body", creative.Body) })
        {
            findings.AddRange(CopyTemplate.Validate(text).Select(p => new AuditFinding(field, p)));
        }
    }

    private static void CheckLength(string field, string? text, int max, string placement, List<AuditFinding> findings)
    {
        var length = CopyTemplate.WorstCaseLength(text);
        if (length > max)
        {
            findings.Add(new(field, $"The {field} can reach {length} characters; {placement} shows at most {max}."));
        }
    }

    private static void CheckLanding(string? url, CreativeOptions options, List<AuditFinding> findings)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
        {
            findings.Add(new("landingUrl", "The landing page must be a full https:// address."));
            return;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            findings.Add(new("landingUrl", "The landing address may not carry a user name or password."));
        }

        var allowed = options.AllowedLandingHosts;
        if (allowed.Count > 0 && !allowed.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase)))
        {
            findings.Add(new("landingUrl", $"{uri.Host} is not an allowed landing host ({string.Join(", ", allowed)})."));
        }
    }
}
