namespace AdStudio.Tests.Support;

/// <summary>
/// Tests that need the running app share one host. Hangfire keeps process-wide static state, so
/// hosts must never run side by side: this collection is not parallelised with any other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunningApp : ICollectionFixture<AppHost>
{
    public const string Name = "Running app";
}
