namespace AdStudio.Tests.Support;

/// <summary>Tests of the <see cref="ProxiedAppHost"/>; a host of its own, so never beside another (Hangfire's static state).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProxiedApp : ICollectionFixture<ProxiedAppHost>
{
    public const string Name = "Proxied app";
}
