namespace AdStudio.Web.Features.Storefront;

/// <summary>A new key: the only time the key itself is shown.</summary>
public sealed record CreatedStorefrontKey(int Id, string Name, string Key);
