using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;
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
        builder.Services.AddDbContextFactory<AdStudioDb>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<DataPaths>().ConnectionString));
        builder.Services.AddSingleton<DatabaseInitializer>();
        return builder;
    }
}
