using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Audit;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdStudio.Web.Features.Creatives;

/// <summary>Turns rule failures into problem details keyed by field.</summary>
public static class CreativeProblems
{
    public static ValidationProblem Of(CreativeRuleException ex) => Of(ex.Findings, ex.Message);

    public static ValidationProblem Of(IReadOnlyList<AuditFinding> findings, string detail) =>
        ApiProblems.Fields(findings.Select(f => (f.Field, f.Message)), detail, "creative");
}
