using System.Text.Json;

namespace AdStudio.Web.Features.Serving;

/// <summary>Body of <c>POST /serve</c>.</summary>
public sealed class ServeRequest
{
    public string? ShopperId { get; set; }

    public string? Placement { get; set; }

    /// <summary>Free-form page context from the storefront (page type, device, …); kept for later ranking features.</summary>
    public JsonElement? Context { get; set; }
}
