namespace AdStudio.Core.Infrastructure;

/// <summary>The database engine behind AdStudio (setting <c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file in the data folder: one node, zero set-up (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (<c>ConnectionStrings:Postgres</c>) shared by several nodes.</summary>
    Postgres,
}
