namespace AdStudio.Core.Infrastructure;

/// <summary>The resolved, absolute data folder and the files inside it.</summary>
public sealed class DataPaths
{
    public DataPaths(string directory)
    {
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string DatabaseFile => Path.Combine(Directory, DataOptions.DatabaseFileName);

    public string ConnectionString => DataOptions.SqliteConnectionString(Directory);

    /// <summary>Where trained model files (ML.NET zips) are kept.</summary>
    public string ModelDirectory => Path.Combine(Directory, "models");

    public string DecisionKeyFile => Path.Combine(Directory, "decision-signing.key");
}
