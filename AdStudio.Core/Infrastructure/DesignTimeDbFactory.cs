using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdStudio.Core.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web app.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<AdStudioDb>
{
    public AdStudioDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AdStudioDb>()
            .UseSqlite(DataOptions.SqliteConnectionString(Path.GetTempPath()))
            .Options);
}
