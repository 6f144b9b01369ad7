namespace AdStudio.Core.Creatives.Audit;

/// <summary>
/// The names a marketer sees on the copy form for the fields findings are keyed by (<c>landingUrl</c> → "Landing page"),
/// so review notes and messages speak the form's language rather than the API's property names.
/// </summary>
public static class CreativeFieldLabels
{
    public static string Of(string field) => field switch
    {
        "name" => "Name",
        "headline" => "Headline",
        "body" => "Body",
        "callToAction" => "Call to action",
        "landingUrl" => "Landing page",
        "category" => "Category",
        "discount" => "Discount",
        "image" => "Image",
        _ => field,
    };

    /// <summary>Findings as review notes: one "Label: message" per line; null when there are none.</summary>
    public static string? Notes(IReadOnlyList<AuditFinding> findings) =>
        findings.Count == 0 ? null : string.Join("\n", findings.Select(f => $"{Of(f.Field)}: {f.Message}"));
}
