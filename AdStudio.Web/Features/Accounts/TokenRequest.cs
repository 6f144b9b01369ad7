namespace AdStudio.Web.Features.Accounts;

/// <summary>Body of <c>POST /api/auth/token</c>; <c>twoFactorCode</c> only for accounts with an authenticator app.</summary>
public sealed record TokenRequest(string? Email, string? Password, string? TwoFactorCode);
