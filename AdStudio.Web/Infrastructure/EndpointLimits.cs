using Microsoft.Extensions.Options;

namespace AdStudio.Web.Infrastructure;

public static class EndpointLimits
{
    /// <summary>Gives the endpoint its own request body limit from the <c>Limits</c> settings.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, IEndpointRouteBuilder app, Func<LimitsOptions, long> limit)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodySizeLimit(limit(LimitsOf(app))));

    /// <summary>The <c>Limits</c> settings, for endpoints that derive form limits from them.</summary>
    public static LimitsOptions LimitsOf(IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<IOptions<LimitsOptions>>().Value;
}
