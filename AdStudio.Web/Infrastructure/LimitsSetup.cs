using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Infrastructure;

public static class LimitsSetup
{
    /// <summary>
    /// Kestrel's limits from the <c>Limits</c> settings (its body limit is the JSON API's; endpoints that take more or
    /// less say so with <see cref="EndpointLimits.WithBodyLimit"/>), and the handler that turns a refused body into its 4xx.
    /// </summary>
    public static IHostApplicationBuilder AddLimits(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<LimitsOptions>(LimitsOptions.SectionName);
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, options) =>
        {
            var limits = options.Value;
            kestrel.Limits.MaxRequestBodySize = limits.ApiBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeaderBytes;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(limits.RequestHeadersTimeoutSeconds);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(limits.MinRequestBodyGraceSeconds));
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        return builder;
    }

    /// <summary>
    /// Refuses a request whose declared Content-Length is over its endpoint's limit before the endpoint runs. Kestrel
    /// only checks when a body is read, so without this an endpoint that ignores its body would act on the request.
    /// Goes after routing, which sets the endpoint's own limit.
    /// </summary>
    public static IApplicationBuilder UseDeclaredBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is { } length
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max
                && length > max)
            {
                throw new Microsoft.AspNetCore.Http.BadHttpRequestException($"Request body too large. The max request body size is {max} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            await next(context);
        });
}
