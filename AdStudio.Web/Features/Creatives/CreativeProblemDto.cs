using AdStudio.Core.Creatives.Audit;

namespace AdStudio.Web.Features.Creatives;

/// <summary>A problem the automatic checks find in a draft: the API's field name, the form's label, and what to change.</summary>
public sealed record CreativeProblemDto(string Field, string Label, string Message)
{
    public static CreativeProblemDto From(AuditFinding finding) => new(finding.Field, CreativeFieldLabels.Of(finding.Field), finding.Message);
}
