using System.Text.Json.Serialization;

namespace AdStudio.Web.Features.Creatives;

/// <summary>
/// Body of approve and reject: (to reject) why. The reviewer is the signed-in user, never a field; a body that
/// still names one is refused rather than silently recorded under someone else.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReviewRequest(string? Reasons);
