using AdStudio.Core.Creatives.Audit;

namespace AdStudio.Core.Creatives;

/// <summary>
/// A saved draft and what the automatic checks still find in it: a draft may be saved with problems (they are shown at
/// once), but it cannot be submitted for review until they are fixed.
/// </summary>
public sealed record SavedCopy(Creative Creative, IReadOnlyList<AuditFinding> Problems);
