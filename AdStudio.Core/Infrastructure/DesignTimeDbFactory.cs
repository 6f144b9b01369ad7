using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdStudio.Core.Infrastructure;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without starting the web app. SQLite by default; PostgreSQL's migrations with
/// <c>dotnet ef migrations add NAME --project AdStudio.Migrations.Postgres --startup-project AdStudio.Web -- --provider Postgres</c>.
/// </summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<AdStudioDb>
{
    public AdStudioDb CreateDbContext(string[] args)
    {
        var postgres = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault() == nameof(StorageProvider.Postgres);
        var target = postgres
            ? DatabaseTarget.Postgres("Host=localhost;Database=adstudio_design")
            : DatabaseTarget.Sqlite(Path.GetTempPath());
        return new AdStudioDb(target.Options());
    }
}
