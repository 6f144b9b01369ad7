using System.Text.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AdStudio.Web.Features.Health;

public static class HealthSetup
{
    private const string Ready = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<HealthOptions>(HealthOptions.SectionName);
        builder.Services.AddSingleton<StorageProbe>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SnapshotHealthCheck>("serving-snapshot");
        return builder;
    }

    /// <summary>
    /// <c>/health</c> reports every check; <c>/health/ready</c> only what decides whether this instance should get
    /// traffic (the database takes writes); <c>/health/live</c> runs no check, because restarting the process
    /// mends no storage fault.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Public: load balancers and orchestrators probe these without credentials.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteAsync, Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { ResponseWriter = WriteAsync, Predicate = _ => false }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
