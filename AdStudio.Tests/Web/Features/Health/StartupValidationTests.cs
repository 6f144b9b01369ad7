using AdStudio.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Health;

/// <summary>A bad setting stops the app at start-up and names itself, instead of failing later on a request.</summary>
[Collection(OwnApps.Name)]
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Shop:Placements:sidebar:Width", "0", "Shop:Placements")]
    [InlineData("Serving:Placements:sidebar:Width", "0", "Shop:Placements")]
    [InlineData("Shop:TimeZone", "Mars/Olympus_Mons", "Shop:TimeZone")]
    [InlineData("Serving:TimeZone", "Mars/Olympus_Mons", "Shop:TimeZone")]
    [InlineData("Serving:ExplorationRate", "1.5", "ExplorationRate")]
    [InlineData("Demo:Shoppers", "3", "Shoppers")]
    [InlineData("Privacy:BehaviourRetentionDays", "0", "BehaviourRetentionDays")]
    [InlineData("Privacy:AdEventRetentionDays", "-1", "AdEventRetentionDays")]
    [InlineData("Events:MaxEventsPerRequest", "0", "MaxEventsPerRequest")]
    [InlineData("Limits:ServeBodyBytes", "10", "ServeBodyBytes")]
    [InlineData("Storefront:AllowedOrigins:0", "shop.example", "Storefront:AllowedOrigins")]
    [InlineData("Storefront:AllowedOrigins:0", "https://shop.example/ads", "Storefront:AllowedOrigins")]
    [InlineData("Storefront:AllowedOrigins:0", "ftp://shop.example", "Storefront:AllowedOrigins")]
    [InlineData("Storefront:KeyRefreshSeconds", "0", "KeyRefreshSeconds")]
    [InlineData("RateLimits:SignInPerMinute", "0", "SignInPerMinute")]
    [InlineData("RateLimits:StorefrontPerSecond", "-1", "StorefrontPerSecond")]
    public Task Start_InvalidSetting_FailsNamingTheSetting(string key, string value, string named) =>
        AssertStartFailsNamingAsync(new Dictionary<string, string> { [key] = value }, named);

    [Fact]
    public Task Start_PostgresWithoutConnectionString_FailsNamingTheConnectionString() =>
        AssertStartFailsNamingAsync(
            new Dictionary<string, string> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = "" }, "ConnectionStrings:Postgres");

    private static async Task AssertStartFailsNamingAsync(Dictionary<string, string> settings, string named)
    {
        var directory = TempFolder.Create("bad-settings");
        try
        {
            await using var factory = new AdStudioFactory(directory, settings);

            var error = Assert.ThrowsAny<OptionsValidationException>(factory.StartServer);

            Assert.Contains(named, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TempFolder.Delete(directory);
        }
    }
}
