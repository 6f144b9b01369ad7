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
}
