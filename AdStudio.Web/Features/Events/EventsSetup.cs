using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Web.Features.Events;

public static class EventsSetup
{
    public static IHostApplicationBuilder AddEvents(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<EventWriterOptions>(EventWriterOptions.SectionName);
        builder.Services.AddSingleton<Suppressions>();
        builder.Services.AddSingleton<IngestConsent>();
        // Explicit: the store the app writes through always applies consent.
        builder.Services.AddSingleton(sp => new EventStore(
            sp.GetRequiredService<IDbContextFactory<AdStudioDb>>(), sp.GetRequiredService<IngestConsent>()));
        builder.Services.AddSingleton<BatchingEventWriter>();
        builder.Services.AddSingleton<EventValidator>();
        return builder;
    }
}
