namespace AdStudio.Web.Features.Creatives;

/// <summary>Body of approve and reject: who reviewed, and (to reject) why.</summary>
public sealed record ReviewRequest(string? Reviewer, string? Reasons);
