using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace AdStudio.Web.Features.Accounts;

/// <summary>Tells the account gates which requests are UI pages: Razor component pages, found by their endpoint.</summary>
public static class UiPages
{
    /// <summary>
    /// A page request (not /api, /serve, /events, /health, static assets or the Blazor hub, none of which are
    /// component endpoints); a status-code re-execution is left alone, so a 404 keeps its page.
    /// </summary>
    public static bool IsPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
        && context.Features.Get<IStatusCodeReExecuteFeature>() is null;
}
