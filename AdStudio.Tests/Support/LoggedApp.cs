namespace AdStudio.Tests.Support;

/// <summary>
/// Tests that read everything an app of their own logs (<see cref="LoggedAppHost"/>). The host is a second app in the
/// process (Hangfire keeps process-wide state), so this collection is not parallelised with any other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoggedApp : ICollectionFixture<LoggedAppHost>
{
    public const string Name = "Logged app";
}
