namespace AdStudio.Tests.Web.Hardening;

/// <summary>The hardening test classes share one <see cref="HardenedAppHost"/> and run one after another, never beside another running app (Hangfire keeps process-wide state).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HardenedApp : ICollectionFixture<HardenedAppHost>
{
    public const string Name = "Hardened app";
}
