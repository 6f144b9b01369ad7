using AdStudio.Core.Events;
using AdStudio.Web.Infrastructure;

namespace AdStudio.Web.Features.Events;

public static class EventsSetup
{
    public static IHostApplicationBuilder AddEvents(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<EventWriterOptions>(EventWriterOptions.SectionName);
        builder.Services.AddSingleton<EventStore>();
        builder.Services.AddSingleton<BatchingEventWriter>();
        builder.Services.AddSingleton<EventValidator>();
        return builder;
    }
}
