using AdStudio.Core.Infrastructure;
using AdStudio.Core.Nodes;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Reporting;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Pipeline;

public static class PipelineSetup
{
    /// <summary>Hangfire's schema in the shared PostgreSQL database, apart from AdStudio's tables.</summary>
    public const string HangfireSchema = "hangfire";

    /// <summary>
    /// Hangfire on in-memory storage (SQLite, one node) or on the shared PostgreSQL database (several nodes, one queue),
    /// made restart-safe by the durable <see cref="PipelineLedger"/>; this process registered as a <see cref="ClusterNode"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PipelineOptions>(PipelineOptions.SectionName);
        // This app's own storage in DI: Hangfire's default resolves JobStorage.Current, one static per process, so two
        // apps in one process (the tests' nodes) would enqueue into and work from whichever configured last.
        builder.Services.AddSingleton(sp => CreateStorage(sp.GetRequiredService<DatabaseTarget>()));
        // Likewise the activator: Hangfire's default is JobActivator.Current, whichever app configured last.
        builder.Services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        // Registered before the Hangfire server, so it stops after it: the clean stop is recorded once jobs have ended.
        builder.Services.AddSingleton(NodeIdentity.ForThisProcess());
        builder.Services.AddSingleton<NodeRegistry>();
        builder.Services.AddHostedService<NodeHeartbeat>();

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

    private static JobStorage CreateStorage(DatabaseTarget target)
    {
        if (!target.IsPostgres)
        {
            return new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) });
        }

        // One queue and one set of recurring schedules for the cluster: the recurring scheduler and the queue fetch take
        // their locks in this storage, so a schedule fires once and a job is fetched by one worker. A worker that dies
        // leaves its job invisible; Hangfire hands it out again after the invisibility timeout, and the ledger's claim
        // makes that second delivery a no-op when the run was already re-queued and taken (docs/durability.md).
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = HangfireSchema,
            PrepareSchemaIfNecessary = true,
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
            // Live workers keep their jobs' fetch time fresh, so only a dead worker's job comes back.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(5),
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(target.ConnectionString, options), options);
    }
}
