using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Audit;

namespace AdStudio.Web.Features.Creatives;

/// <summary>The copy as it stands in the editor (saved or not) and what the automatic checks find in it.</summary>
public sealed record CopyEdit(Creative Draft, IReadOnlyList<AuditFinding> Problems);
