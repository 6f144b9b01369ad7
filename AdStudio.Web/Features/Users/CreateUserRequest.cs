namespace AdStudio.Web.Features.Users;

/// <summary>Body of <c>POST /api/users</c>.</summary>
public sealed record CreateUserRequest(string? Email, string? Password, IReadOnlyList<string>? Roles);
