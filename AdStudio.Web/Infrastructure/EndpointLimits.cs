using Microsoft.Extensions.Options;

namespace AdStudio.Web.Infrastructure;

public static class EndpointLimits
{
    /// <summary>Gives the endpoint its own request body limit from the <c>Limits</c> settings.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, IEndpointRouteBuilder app, Func<LimitsOptions, long> limit)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodySizeLimit(limit(LimitsOf(app))));

    /// <summary>
    /// A form endpoint's body limit plus the multipart limits every form endpoint shares (parts, header bytes of a
    /// part) and the largest single part it takes.
    /// </summary>
    public static TBuilder WithFormLimits<TBuilder>(
        this TBuilder builder, IEndpointRouteBuilder app, Func<LimitsOptions, long> bodyLimit, long maxPartBytes)
        where TBuilder : IEndpointConventionBuilder
    {
        var limits = LimitsOf(app);
        return builder.WithBodyLimit(app, bodyLimit).WithFormOptions(
            valueCountLimit: limits.MaxFormParts,
            multipartHeadersLengthLimit: limits.MaxPartHeaderBytes,
            multipartBodyLengthLimit: maxPartBytes);
    }

    /// <summary>The <c>Limits</c> settings, for endpoints that derive form limits from them.</summary>
    public static LimitsOptions LimitsOf(IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<IOptions<LimitsOptions>>().Value;
}
