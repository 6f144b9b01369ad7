using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Features.Storefront;

/// <summary>
/// An app with storefront CORS for one origin and tight rate limits: three sign-in attempts per address per minute,
/// five storefront requests per key per second.
/// </summary>
public sealed class LimitedAppHost : IAsyncLifetime, IDisposable
{
    public const string AllowedOrigin = "https://shop.example";
    public const int SignInPerMinute = 3;
    public const int StorefrontPerSecond = 5;

    public AppHost App { get; } = new(new Dictionary<string, string>
    {
        ["Storefront:AllowedOrigins:0"] = AllowedOrigin + "/",
        ["RateLimits:SignInPerMinute"] = $"{SignInPerMinute}",
        ["RateLimits:StorefrontPerSecond"] = $"{StorefrontPerSecond}",
    });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>xunit calls <see cref="DisposeAsync"/> first; this only covers a host that was never initialised.</summary>
    public void Dispose() => App.Dispose();
}
