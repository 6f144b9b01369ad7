using System.Text.Json;

namespace AdStudio.Web.Features.Serving;

/// <summary>Body of <c>POST /serve</c>.</summary>
public sealed class ServeRequest
{
    public string? ShopperId { get; set; }

    public string? Placement { get; set; }

    /// <summary>
    /// Free-form page context from the storefront (page type, device, …); no ranking reads it yet. It is still parsed, not
    /// skipped: the strict-JSON promise (a key named twice is a 400, also inside <c>context</c>) needs the parse, and a
    /// request without it costs nothing.
    /// </summary>
    public JsonElement? Context { get; set; }
}
