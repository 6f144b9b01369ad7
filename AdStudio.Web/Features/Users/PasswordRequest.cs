namespace AdStudio.Web.Features.Users;

/// <summary>Body of <c>POST /api/users/{id}/password</c>: the new password an admin sets.</summary>
public sealed record PasswordRequest(string? Password);
