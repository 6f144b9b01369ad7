namespace AdStudio.Web.Features.Users;

/// <summary>Body of <c>PUT /api/users/{id}/roles</c>: the complete new set of roles.</summary>
public sealed record RolesRequest(IReadOnlyList<string>? Roles);
