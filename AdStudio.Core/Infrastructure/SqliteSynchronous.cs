namespace AdStudio.Core.Infrastructure;

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels AdStudio allows (see docs/durability.md).</summary>
public enum SqliteSynchronous
{
    /// <summary>WAL is synced at checkpoints only: survives a process crash, may lose the newest commits on power loss.</summary>
    Normal = 1,

    /// <summary>The WAL is synced at every commit: an acknowledged commit survives power loss.</summary>
    Full = 2,
}
