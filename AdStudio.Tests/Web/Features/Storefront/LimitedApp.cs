namespace AdStudio.Tests.Web.Features.Storefront;

/// <summary>The CORS and rate-limit tests share one <see cref="LimitedAppHost"/>, never beside another running app (Hangfire keeps process-wide state).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LimitedApp : ICollectionFixture<LimitedAppHost>
{
    public const string Name = "Limited app";
}
