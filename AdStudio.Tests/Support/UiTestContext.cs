using AdStudio.Core.Accounts;
using AdStudio.Web.Features.Accounts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AdStudio.Tests.Support;

/// <summary>The one bunit set-up every component test shares: MudBlazor services, loose JS interop, interactive server.</summary>
public static class UiTestContext
{
    public const string UserEmail = "ui-test@adstudio.test";

    /// <summary>The masking every component test uses: a fixed key, so a test can compute the masked id it expects.</summary>
    public static AdStudio.Core.Privacy.ShopperPseudonyms Pseudonyms { get; } = new([.. Enumerable.Range(7, 32).Select(i => (byte)i)]);

    /// <param name="services">Registers the component's own services; it runs before anything is resolved.</param>
    /// <param name="roles">The signed-in user's roles (admin when none are given); the policies follow the app's role matrix.</param>
    public static BunitContext Create(Action<IServiceCollection>? services = null, params string[] roles)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddOptions(); // settings classes resolve with their defaults unless a test configures them
        var held = roles.Length == 0 ? [Roles.Admin] : roles;
        var auth = context.AddAuthorization();
        auth.SetAuthorized(UserEmail);
        auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Email, UserEmail));
        auth.SetRoles(held);
        auth.SetPolicies([.. Policies.SatisfiedBy(held)]);
        context.Services.AddScoped<AdStudio.Web.Infrastructure.CircuitAccess>();
        context.Services.AddSingleton(new AdStudio.Web.Components.Common.ShopMoney(
            Microsoft.Extensions.Options.Options.Create(new AdStudio.Core.Shop.ShopOptions())));
        context.Services.AddSingleton(Pseudonyms);
        services?.Invoke(context.Services);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }
}
