using AdStudio.Core.Events;

namespace AdStudio.Web.Features.Events;

public static class EventsSetup
{
    public static IHostApplicationBuilder AddEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventWriterOptions>()
            .Bind(builder.Configuration.GetSection(EventWriterOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<EventStore>();
        builder.Services.AddSingleton<BatchingEventWriter>();
        builder.Services.AddSingleton<EventValidator>();
        return builder;
    }
}
