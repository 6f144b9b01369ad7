namespace AdStudio.Web.Features.Users;

/// <summary>Answer of <c>POST /api/users</c>.</summary>
public sealed record CreatedUser(int Id);
