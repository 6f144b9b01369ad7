using AdStudio.Core.Nodes;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Reporting;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Pipeline;

public static class PipelineSetup
{
    /// <summary>Hangfire on in-memory storage, made restart-safe by the durable <see cref="PipelineLedger"/>.</summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PipelineOptions>(PipelineOptions.SectionName);
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) }));
        var workers = builder.Configuration.GetSection(PipelineOptions.SectionName).GetValue<int?>(nameof(PipelineOptions.WorkerCount)) ?? 2;
        var jobs = NodeSetup.RolesOf(builder).Has(NodeRole.Jobs);
        if (jobs)
        {
            // Only 'jobs' nodes execute; the others still enqueue through the Hangfire client.
            builder.Services.AddHangfireServer(options => options.WorkerCount = workers);
            builder.Services.AddHostedService<PipelineSweeper>();
        }

        builder.Services.AddSingleton<PipelineLedger>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<PipelineOptions>>().Value.Supervision());
        builder.Services.AddSingleton<PipelineRunner>();
        builder.Services.AddSingleton<PipelineLauncher>();
        builder.Services.AddTransient<PipelineJob>();
        builder.Services.AddSingleton<IPipelineStep, RollupStep>();
        return builder;
    }

    public static WebApplication MapPipelineDashboard(this WebApplication app)
    {
        // Admins only, checked by the endpoint's policy; Hangfire's own default (local requests only) is
        // replaced, since a reverse proxy on the same host would make every request look local.
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "AdStudio jobs",
            DisplayStorageConnectionString = false,
            Authorization = [new AdminDashboardAuthorization()],
        }).RequireAuthorization(Policies.Admin);
        return app;
    }
}
