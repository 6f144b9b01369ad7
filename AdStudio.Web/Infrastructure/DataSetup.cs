using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Infrastructure;

public static class DataSetup
{
    /// <summary>
    /// Binds <c>Data</c> and <c>Storage</c>, resolves the data folder against the content root and registers the database:
    /// the SQLite file in the data folder, or the PostgreSQL server of <c>ConnectionStrings:Postgres</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAdStudioData(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DataOptions>(DataOptions.SectionName);
        builder.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<IOptions<DataOptions>>().Value.Directory;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new DataPaths(Path.IsPathRooted(directory) ? directory : Path.Combine(root, directory));
        });
        builder.Services.AddSingleton(sp => TargetOf(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DataPaths>()));
        builder.Services.AddSingleton<IInterceptor>(sp => new SqliteConnectionSetup(
            sp.GetRequiredService<IOptions<DataOptions>>().Value.Synchronous,
            sp.GetRequiredService<ILogger<SqliteConnectionSetup>>()));
        builder.Services.AddSingleton<StorageWriteState>();
        builder.Services.AddSingleton<StorageProblems>();

        // Every registered interceptor joins the context: the connection setup above, and in tests a fault injector.
        builder.Services.AddDbContextFactory<AdStudioDb>((sp, options) =>
            sp.GetRequiredService<DatabaseTarget>().Configure(options)
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.Services.AddSingleton<DatabaseInitializer>();

        // Models and creative images: in the data folder on one SQLite node, in the database every PostgreSQL node shares.
        builder.Services.AddSingleton<IFileStore>(sp => sp.GetRequiredService<DatabaseTarget>().IsPostgres
            ? new DatabaseFileStore(sp.GetRequiredService<IDbContextFactory<AdStudioDb>>(), sp.GetRequiredService<TimeProvider>())
            : new LocalFileStore(sp.GetRequiredService<DataPaths>()));
        return builder;
    }

    private static DatabaseTarget TargetOf(StorageOptions storage, IConfiguration configuration, DataPaths paths)
    {
        if (storage.Provider != StorageProvider.Postgres)
        {
            return DatabaseTarget.Sqlite(paths.Directory);
        }

        var connectionString = configuration.GetConnectionString(StorageOptions.PostgresConnectionName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new OptionsValidationException(
                StorageOptions.SectionName, typeof(StorageOptions), ["Storage:Provider is Postgres, so ConnectionStrings:Postgres must hold an Npgsql connection string."])
            : DatabaseTarget.Postgres(connectionString);
    }
}
