namespace AdStudio.Tests.Support;

/// <summary>
/// Tests that break the storage of their own app host. They build a second host beside nothing else (Hangfire
/// keeps process-wide state), so this collection is not parallelised with any other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StorageFaults : ICollectionFixture<StorageFaultAppHost>
{
    public const string Name = "Storage faults";
}
