using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Infrastructure;

/// <summary>Where AdStudio keeps its database, model files and uploads (section <c>Data</c>).</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>The data folder; a relative path is taken from the app's content root.</summary>
    [Required]
    public string Directory { get; set; } = "data";

    /// <summary>
    /// SQLite's <c>synchronous</c> level on every connection. <see cref="SqliteSynchronous.Full"/> (default)
    /// syncs the WAL at each commit, so an event acknowledged with 202 survives power loss; see docs/durability.md.
    /// </summary>
    [EnumDataType(typeof(SqliteSynchronous))]
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;

    public const string DatabaseFileName = "adstudio.db";

    /// <summary>SQLite connection string for the database inside <paramref name="dataDirectory"/>.</summary>
    public static string SqliteConnectionString(string dataDirectory) =>
        $"Data Source={Path.Combine(dataDirectory, DatabaseFileName)};Pooling=True;Default Timeout=30";
}
