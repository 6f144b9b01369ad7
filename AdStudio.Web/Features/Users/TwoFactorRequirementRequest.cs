namespace AdStudio.Web.Features.Users;

/// <summary>Body of <c>PUT /api/users/{id}/two-factor</c>: whether the user must sign in with an authenticator app.</summary>
public sealed record TwoFactorRequirementRequest(bool? Required);
