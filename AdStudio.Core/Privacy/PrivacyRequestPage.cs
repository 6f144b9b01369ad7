namespace AdStudio.Core.Privacy;

/// <summary>A page of the privacy request log, newest first; <see cref="NextBefore"/> continues it (null: no more).</summary>
public sealed record PrivacyRequestPage(IReadOnlyList<PrivacyRequestEntry> Entries, int? NextBefore);
