using AdStudio.Web.Features.Dashboard;

namespace AdStudio.Tests.Web.Features.Dashboard;

public sealed class DashboardFilterTests
{
    private static readonly DateTime Today = new(2026, 11, 30, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void FromQuery_ValidPeriodAndCampaign_KeepsThem()
    {
        var filter = DashboardFilter.FromQuery("2026-11-01", "2026-11-15", "3", Today);

        Assert.Equal(new DashboardFilter(new DateTime(2026, 11, 1), new DateTime(2026, 11, 15), 3), filter);
    }

    [Fact]
    public void FromQuery_Nothing_IsTheLast30DaysOfAllCampaigns()
    {
        var filter = DashboardFilter.FromQuery(null, null, null, Today);

        Assert.Equal(new DashboardFilter(new DateTime(2026, 11, 1), new DateTime(2026, 11, 30), null), filter);
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-10")]
    [InlineData("garbage", "2026-11-10")]
    [InlineData("2026-11-01", null)]
    [InlineData("2020-01-01", "2026-11-30")]
    public void FromQuery_PeriodThatMakesNoSense_FallsBackToTheDefaultPeriod(string? from, string? to)
    {
        var filter = DashboardFilter.FromQuery(from, to, "2", Today);

        Assert.Equal(DashboardFilter.Default(Today) with { CampaignId = 2 }, filter);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    public void FromQuery_CampaignNotAnId_IsAllCampaigns(string campaign) =>
        Assert.Null(DashboardFilter.FromQuery("2026-11-01", "2026-11-02", campaign, Today).CampaignId);

    [Fact]
    public void ToQuery_RoundTripsThroughFromQuery()
    {
        var filter = new DashboardFilter(new DateTime(2026, 10, 5), new DateTime(2026, 11, 4), 7);

        var query = filter.ToQuery();

        Assert.Equal(("2026-10-05", "2026-11-04", (object?)7), (query["from"], query["to"], query["campaign"]));
        Assert.Equal(filter, DashboardFilter.FromQuery((string?)query["from"], (string?)query["to"], "7", Today));
    }
}
