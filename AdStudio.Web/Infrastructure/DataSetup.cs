using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Infrastructure;

public static class DataSetup
{
    /// <summary>Binds <c>Data</c>, resolves the data folder against the content root and registers the SQLite database.</summary>
    public static IHostApplicationBuilder AddAdStudioData(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DataOptions>(DataOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<IOptions<DataOptions>>().Value.Directory;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new DataPaths(Path.IsPathRooted(directory) ? directory : Path.Combine(root, directory));
        });
        builder.Services.AddSingleton<IInterceptor>(sp => new SqliteConnectionSetup(
            sp.GetRequiredService<IOptions<DataOptions>>().Value.Synchronous,
            sp.GetRequiredService<ILogger<SqliteConnectionSetup>>()));
        builder.Services.AddSingleton<StorageWriteState>();
        builder.Services.AddSingleton<StorageProblems>();

        // Every registered interceptor joins the context: the connection setup above, and in tests a fault injector.
        builder.Services.AddDbContextFactory<AdStudioDb>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<DataPaths>().ConnectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.Services.AddSingleton<DatabaseInitializer>();
        return builder;
    }
}
