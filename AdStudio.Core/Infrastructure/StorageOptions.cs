using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Infrastructure;

/// <summary>Which database AdStudio uses (section <c>Storage</c>); the PostgreSQL connection string is <c>ConnectionStrings:Postgres</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name of the connection string read when <see cref="Provider"/> is <see cref="StorageProvider.Postgres"/>.</summary>
    public const string PostgresConnectionName = "Postgres";

    [EnumDataType(typeof(StorageProvider))]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
}
