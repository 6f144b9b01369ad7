using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AdStudio.Tests.Support;

/// <summary>The one bunit set-up every component test shares: MudBlazor services, loose JS interop, interactive server.</summary>
public static class UiTestContext
{
    /// <param name="services">Registers the component's own services; it runs before anything is resolved.</param>
    public static BunitContext Create(Action<IServiceCollection>? services = null)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        services?.Invoke(context.Services);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }
}
