namespace AdStudio.Web.Features.Privacy;

/// <summary>The body of an access or erasure request: the shopper id travels here, never in the URL.</summary>
public sealed record ShopperRequest(string? ShopperId);
