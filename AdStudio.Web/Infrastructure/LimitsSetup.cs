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
    /// <remarks>
    /// The 413 goes out before the body is read. Kestrel then drains the unread body to keep the connection; with the
    /// endpoint's own limit in force that drain fails and Kestrel drops the connection under a client that is still
    /// sending or about to reuse it, which then sees a reset instead of its answer. So a body up to the server-wide
    /// limit (<see cref="LimitsOptions.ApiBodyBytes"/>) may be drained after the refusal; a larger one is not.
    /// </remarks>
    public static IApplicationBuilder UseDeclaredBodyLimits(this IApplicationBuilder app)
    {
        var drainable = app.ApplicationServices.GetRequiredService<IOptions<LimitsOptions>>().Value.ApiBodyBytes;
        return app.Use(async (context, next) =>
        {
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (context.Request.ContentLength is { } length && limit?.MaxRequestBodySize is { } max && length > max)
            {
                if (length <= drainable && !limit.IsReadOnly)
                {
                    limit.MaxRequestBodySize = length;
                }

                throw new Microsoft.AspNetCore.Http.BadHttpRequestException($"Request body too large. The max request body size is {max} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            await next(context);
        });
    }
}
