using System.Text.Json.Serialization;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Features.Campaigns;
using AdStudio.Web.Features.Creatives;
using AdStudio.Web.Features.Events;
using AdStudio.Web.Features.Privacy;
using AdStudio.Web.Features.Segments;
using AdStudio.Web.Features.Serving;
using AdStudio.Web.Features.Storefront;
using AdStudio.Web.Features.Users;

namespace AdStudio.Web.Infrastructure;

/// <summary>Puts every feature's source-generated JSON context in front of the HTTP serializer.</summary>
public static class JsonSetup
{
    /// <summary>The generated contexts, in the order they are asked; a type none of them knows falls through to reflection.</summary>
    internal static IReadOnlyList<JsonSerializerContext> Contexts { get; } =
    [
        ServingJsonContext.Default,
        EventsJsonContext.Default,
        StorefrontJsonContext.Default,
        AccountsJsonContext.Default,
        CampaignsJsonContext.Default,
        CreativesJsonContext.Default,
        SegmentsJsonContext.Default,
        UsersJsonContext.Default,
        PrivacyJsonContext.Default,
    ];

    /// <summary>
    /// Responses written by <c>TypedResults</c> use the HTTP JSON options; without the generated contexts in its
    /// resolver chain, even a type with a generated serializer (the <c>/serve</c> answer) is serialised by reflection.
    /// </summary>
    public static IHostApplicationBuilder AddJsonContexts(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            var chain = options.SerializerOptions.TypeInfoResolverChain;
            for (var i = 0; i < Contexts.Count; i++)
            {
                chain.Insert(i, Contexts[i]);
            }
        });
        return builder;
    }
}
