namespace AdStudio.Web.Features.Creatives;

/// <summary>Body of approve and reject: (to reject) why. The reviewer is the signed-in user, never a field.</summary>
public sealed record ReviewRequest(string? Reasons);
