namespace AdStudio.Tests.Support;

/// <summary>
/// Tests that start apps of their own in this process. Not parallelised with any other collection, and apart from
/// <see cref="RunningApp"/>: on PostgreSQL, once a second app had started beside the shared app, the shared app's
/// Hangfire stopped processing its jobs (they stayed Enqueued with no queue entry), so the two must never overlap.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnApps
{
    public const string Name = "Own apps";
}
