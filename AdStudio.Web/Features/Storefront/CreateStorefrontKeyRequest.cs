namespace AdStudio.Web.Features.Storefront;

/// <summary>Body of <c>POST /api/storefront-keys</c>.</summary>
public sealed record CreateStorefrontKeyRequest(string? Name);
