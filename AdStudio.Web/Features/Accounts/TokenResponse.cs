namespace AdStudio.Web.Features.Accounts;

/// <summary>A bearer token for <c>Authorization: Bearer …</c>; <c>expiresIn</c> is in seconds.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn);
