using AdStudio.Core.Infrastructure;
using AdStudio.Web.Features.Pipeline;

namespace AdStudio.Web.Infrastructure;

public static class StartupTasks
{
    /// <summary>Migrates the database, re-queues runs a crash interrupted, and seeds demo data on first start.</summary>
    public static async Task InitializeAdStudioAsync(this WebApplication app)
    {
        var lifetime = app.Lifetime.ApplicationStopping;
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(lifetime);
        var launcher = app.Services.GetRequiredService<PipelineLauncher>();
        await launcher.RecoverAsync(lifetime);
        await launcher.SeedDemoIfEmptyAsync(lifetime);
        launcher.RegisterSchedules();
    }
}
