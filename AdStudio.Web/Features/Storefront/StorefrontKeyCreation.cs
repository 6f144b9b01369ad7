namespace AdStudio.Web.Features.Storefront;

/// <summary>The outcome of creating a key: the key, or why not (a bad name, or a name an active key has).</summary>
public sealed record StorefrontKeyCreation(CreatedStorefrontKey? Created, string? Invalid, string? Conflict);
