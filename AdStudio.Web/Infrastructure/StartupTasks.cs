using AdStudio.Core.Infrastructure;
using AdStudio.Core.Nodes;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Features.Pipeline;

namespace AdStudio.Web.Infrastructure;

public static class StartupTasks
{
    /// <summary>Migrates the database, makes sure there is an administrator (or prints the set-up link), and, on a node with the 'jobs' role, re-queues runs a crash interrupted, seeds demo data on first start and registers the schedules.</summary>
    public static async Task InitializeAdStudioAsync(this WebApplication app)
    {
        var lifetime = app.Lifetime.ApplicationStopping;
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(lifetime);
        var accounts = app.Services.GetRequiredService<AccountBootstrapper>();
        await accounts.InitializeAsync(lifetime);
        app.Lifetime.ApplicationStarted.Register(() => accounts.AnnounceSetupLink(app.Urls));
        // Registered before recovery, so this node's own runs are never mistaken for those of a gone node.
        await app.Services.GetRequiredService<NodeRegistry>().RegisterAsync(lifetime);
        if (!app.Services.GetRequiredService<NodeRoles>().Has(NodeRole.Jobs))
        {
            return;
        }

        var launcher = app.Services.GetRequiredService<PipelineLauncher>();
        await launcher.RecoverAsync(lifetime);
        await launcher.SeedDemoIfEmptyAsync(lifetime);
        launcher.RegisterSchedules();
    }
}
