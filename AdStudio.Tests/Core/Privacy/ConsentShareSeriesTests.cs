using AdStudio.Core.Privacy;
using AdStudio.Core.Privacy.Consent;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Core.Privacy;

public sealed class ConsentShareSeriesTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);

    [Fact]
    public void AsOf_ChangesOverDays_CountsEachShoppersLatestRecordAtTheEndOfEachDay()
    {
        ConsentChange[] changes =
        [
            Change("B", false, true, 2026, 11, 1, 23, 59),
            Change("A", true, true, 2026, 10, 31, 10, 0),
            Change("C", true, false, 2026, 11, 2, 9, 0),
            // Same instant: the later one in the history wins.
            Change("D", true, true, 2026, 11, 1, 12, 0),
            Change("D", false, false, 2026, 11, 1, 12, 0),
            Change("A", false, false, 2026, 11, 2, 8, 0),
            // Midnight belongs to the new day.
            Change("B", true, true, 2026, 11, 3, 0, 0),
            Change("C", false, false, 2026, 11, 4, 0, 0),
        ];

        var points = ConsentShareSeries.AsOf(changes, [Nov1, Nov1.AddDays(1), Nov1.AddDays(2)]);

        Assert.Equal(
            [new(Nov1, 3, 1, 2), new(Nov1.AddDays(1), 4, 1, 1), new ConsentSharePoint(Nov1.AddDays(2), 4, 2, 1)],
            points);
        Assert.Equal((0.5, 0.25), (points[2].PersonalisationShare, points[2].MeasurementShare));
    }

    [Fact]
    public void AsOf_NoRecordYet_IsZeroShoppersAndZeroShares()
    {
        var point = Assert.Single(ConsentShareSeries.AsOf([Change("A", true, true, 2026, 11, 5, 0, 0)], [Nov1]));

        Assert.Equal((0, 0.0, 0.0), (point.Shoppers, point.PersonalisationShare, point.MeasurementShare));
    }

    [Fact]
    public void Days_ShortHistory_IsEveryDay() =>
        Assert.Equal([Nov1, Nov1.AddDays(1), Nov1.AddDays(2)], ConsentShareSeries.Days(Nov1, Nov1.AddDays(2)));

    [Fact]
    public void Days_LongHistory_IsWeeklyEndingOnTheLastDay()
    {
        var days = ConsentShareSeries.Days(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 10));

        Assert.Equal(15, days.Count);
        Assert.Equal((new DateOnly(2026, 1, 2), new DateOnly(2026, 4, 10)), (days[0], days[^1]));
        Assert.All(days.Zip(days.Skip(1)), pair => Assert.Equal(7, pair.Second.DayNumber - pair.First.DayNumber));
    }

    [Fact]
    public async Task LoadAsync_RecordsInTheDatabase_EndsTodayWithTheLatestShares()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = new ConsentShareService(database.Factory, new FixedClock(new DateTimeOffset(2026, 11, 3, 15, 0, 0, TimeSpan.Zero)));
        Assert.Empty(await service.LoadAsync(CancellationToken.None));
        await using (var db = database.Open())
        {
            db.ConsentRecords.AddRange(
                ShopperConsent.Record("A", true, true, new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc)),
                ShopperConsent.Record("B", false, true, new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc)),
                ShopperConsent.Record("A", false, true, new DateTime(2026, 11, 3, 10, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }

        var points = await service.LoadAsync(CancellationToken.None);

        Assert.Equal([new(Nov1, 1, 1, 1), new(Nov1.AddDays(1), 2, 1, 2), new ConsentSharePoint(Nov1.AddDays(2), 2, 0, 2)], points);
    }

    private static ConsentChange Change(string shopper, bool personalisation, bool measurement, int year, int month, int day, int hour, int minute) =>
        new(shopper, personalisation, measurement, new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc));

}
