using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Serving;
using AdStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Serving;

public static class ServingSetup
{
    public static IHostApplicationBuilder AddServing(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ServingOptions>(ServingOptions.SectionName);
        builder.Services.AddSingleton<FrequencyCounter>();
        builder.Services.AddSingleton<StoredImpressionCounter>();
        builder.Services.AddSingleton<SnapshotHolder>();
        builder.Services.AddSingleton<ActiveModelLoader>();
        builder.Services.AddSingleton<SnapshotBuilder>();
        builder.Services.AddSingleton<ISnapshotSource>(sp => sp.GetRequiredService<SnapshotBuilder>());
        builder.Services.AddSingleton(sp => new DecisionEngine(sp.GetRequiredService<IOptions<ServingOptions>>().Value.ExplorationRate));
        // DI factories are synchronous; this one runs once, after start-up has migrated the database, and ASP.NET Core
        // has no synchronization context to deadlock on.
        builder.Services.AddSingleton(sp => DecisionKey.LoadAsync(
            sp.GetRequiredService<IOptions<ServingOptions>>().Value,
            sp.GetRequiredService<IDbContextFactory<AdStudioDb>>(),
            sp.GetRequiredService<DataPaths>(),
            CancellationToken.None).GetAwaiter().GetResult());
        builder.Services.AddSingleton(sp =>
        {
            var keys = sp.GetRequiredService<DecisionKeyRing>();
            return new DecisionTokenCodec(keys.Current, keys.Previous);
        });
        builder.Services.AddSingleton<TrackingTicketCodec>();
        builder.Services.AddSingleton<AttributionWindow>();
        builder.Services.AddSingleton<AdServer>();
        builder.Services.AddSingleton<AdEventRecorder>();
        builder.Services.AddSingleton<SnapshotRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SnapshotRefresher>());
        builder.Services.AddSingleton<IPipelineStepObserver>(sp => sp.GetRequiredService<SnapshotRefresher>());
        return builder;
    }
}
