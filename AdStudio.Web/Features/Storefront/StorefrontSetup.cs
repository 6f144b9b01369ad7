using AdStudio.Core.Storefront;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Storefront;

public static class StorefrontSetup
{
    /// <summary>The CORS policy of <c>/serve</c> and <c>/events</c>, in force only when <c>Storefront:AllowedOrigins</c> lists origins.</summary>
    public const string CorsPolicy = "storefront";

    /// <summary>The environment the benchmark starts the app in; only there is <c>/serve</c> also mapped without the key check.</summary>
    public const string BenchmarkEnvironment = "Benchmark";

    /// <summary>Storefront keys (ring, refresher, usage flush, admin service), the storefront CORS policy and the rate limits.</summary>
    public static IHostApplicationBuilder AddStorefront(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<StorefrontOptions>(StorefrontOptions.SectionName);
        builder.AddRateLimits();
        builder.Services.AddSingleton<StorefrontKeyHolder>();
        builder.Services.AddSingleton<StorefrontKeyUsages>();
        builder.Services.AddSingleton<StorefrontKeyRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StorefrontKeyRefresher>());
        builder.Services.AddSingleton<StorefrontUsageFlusher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StorefrontUsageFlusher>());
        builder.Services.AddSingleton<StorefrontKeyService>();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<StorefrontOptions>>((cors, storefront) =>
        {
            var origins = storefront.Value.NormalisedOrigins();
            if (origins.Length > 0)
            {
                cors.AddPolicy(CorsPolicy, p => p
                    .WithOrigins(origins)
                    .WithMethods(HttpMethods.Post)
                    .WithHeaders("Content-Type", StorefrontKeyMiddleware.HeaderName)
                    .WithExposedHeaders("Retry-After")
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
            }
        });
        return builder;
    }

    /// <summary>
    /// CORS (so a preflight is answered before any key is asked for) and then the key check. Goes after routing,
    /// which finds the endpoint and its metadata, and before the rate limiter, which partitions by the key found here.
    /// </summary>
    public static WebApplication UseStorefrontKeys(this WebApplication app)
    {
        app.UseCors();
        app.UseMiddleware<StorefrontKeyMiddleware>();
        return app;
    }

    /// <summary>The request must carry a valid <c>X-AdStudio-Key</c>.</summary>
    public static TBuilder RequireStorefrontKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(RequiresStorefrontKey.Instance);

    /// <summary>
    /// A storefront endpoint: no signed-in user, but a storefront key; CORS for the allowed origins and the per-key
    /// rate limit, each only when configured (so with neither, nothing but the key check runs on the request).
    /// </summary>
    public static TBuilder ForStorefront<TBuilder>(this TBuilder builder, IEndpointRouteBuilder app)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AllowAnonymous().RequireStorefrontKey();
        if (app.ServiceProvider.GetRequiredService<IOptions<StorefrontOptions>>().Value.AllowedOrigins.Length > 0)
        {
            builder.RequireCors(CorsPolicy);
        }

        if (app.ServiceProvider.GetRequiredService<IOptions<RateLimitOptions>>().Value.StorefrontPerSecond > 0)
        {
            builder.RequireRateLimiting(RateLimitSetup.StorefrontPolicy);
        }

        return builder;
    }

    /// <summary>True in the benchmark's environment, where <c>/serve</c> is mapped a second time without the key check to measure it.</summary>
    public static bool IsBenchmark(IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsEnvironment(BenchmarkEnvironment);

    public static IEndpointRouteBuilder MapStorefront(this IEndpointRouteBuilder app) => app.MapStorefrontKeys();
}
