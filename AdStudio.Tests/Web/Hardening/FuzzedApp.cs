using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Hardening;

/// <summary>
/// The property-based layer gets an app of its own: its near-valid bodies do create campaigns, stop experiments
/// and change weights, which must not leak into the shared app. Not parallel with any other host (Hangfire statics).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzedApp : ICollectionFixture<AppHost>
{
    public const string Name = "Fuzzed app";
}
