using System.Text;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Profiling;
using AdStudio.Core.Shoppers.Import;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static AdStudio.Tests.Support.EventFactory;

namespace AdStudio.Tests.Core.Shoppers;

public sealed class ShopperConsentImportTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private TestDatabase _db = null!;
    private CsvImporter _importer = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var clock = new FixedClock(Now);
        _importer = new CsvImporter(
            _db.Factory, new DataPaths(_db.Directory), clock, Options.Create(new EventWriterOptions()),
            ConsentRules.For(ConsentModels.OptIn, clock), ConsentRules.Suppressions);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<ImportResult> ImportAsync(string kind, string csv) =>
        _importer.ImportAsync(kind, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "maria", CancellationToken.None);

    [Fact]
    public async Task Shoppers_PurposeColumnsAndOlderConsentColumn_SetBothPurposesAndRecordConsent()
    {
        var result = await ImportAsync(CsvImporter.Shoppers,
            """
            shopperId,personalisation,measurement,consent
            a,true,false,
            b,,,yes
            c,no,,yes
            d,maybe,true,
            e,,true,
            """);

        Assert.Equal((5L, 3L, 2L), (result.Rows, result.Imported, result.Rejected));
        Assert.Equal(
            [new ImportError(5, "personalisation", "must be true or false (yes/no, 1/0)"),
             new ImportError(6, "personalisation", "required (must be true or false (yes/no, 1/0)), or give consent for both purposes")],
            result.Errors);
        await using var db = _db.Open();
        var shoppers = await db.Shoppers.OrderBy(s => s.Id).Select(s => new { s.Id, s.AllowsPersonalisation, s.AllowsMeasurement, s.ConsentUpdatedAt }).ToListAsync();
        Assert.Equal(
            [("a", true, false), ("b", true, true), ("c", false, true)],
            shoppers.Select(s => (s.Id, s.AllowsPersonalisation, s.AllowsMeasurement)));
        Assert.All(shoppers, s => Assert.Equal(Now, s.ConsentUpdatedAt));
        var records = await db.ConsentRecords.OrderBy(r => r.ShopperId).ToListAsync();
        Assert.Equal(
            [("a", true, false, "import"), ("b", true, true, "import"), ("c", false, true, "import")],
            records.Select(r => (r.ShopperId, r.Personalisation, r.Measurement, r.Source)));
    }

    [Fact]
    public async Task Shoppers_HeaderWithoutAnyConsentColumn_IsRefusedWhole()
    {
        var error = await Assert.ThrowsAsync<ImportFormatException>(() => ImportAsync(CsvImporter.Shoppers, "shopperId,personalisation,region\na,true,north\n"));

        Assert.Equal("The header is missing column(s): personalisation, measurement (or the older consent for both).", error.Message);
    }

    [Fact]
    public async Task Shoppers_SameConsentAgain_AddsNoRecord_WithdrawalRemovesWhatThePurposeAllowed()
    {
        await ImportAsync(CsvImporter.Shoppers, "shopperId,consent,region\na,yes,north\nb,yes,north\n");
        await ImportAsync(CsvImporter.Events, "shopperId,type,timestamp,query\na,search,2026-11-20T10:00:00Z,chairs\nb,search,2026-11-20T10:00:00Z,chairs\n");
        await using (var seed = _db.Open())
        {
            seed.Profiles.Add(new ShopperProfile { ShopperId = "a", UpdatedAt = Day });
            var impression = Ad(AdEventType.Impression, "d1");
            impression.ShopperId = "a";
            seed.AdEvents.Add(impression);
            await seed.SaveChangesAsync();
        }

        var again = await ImportAsync(CsvImporter.Shoppers, "shopperId,consent,region\na,yes,south\nb,yes,north\n");
        var withdrawn = await ImportAsync(CsvImporter.Shoppers, "shopperId,personalisation,measurement\na,no,no\n");

        Assert.Equal((1L, 1L), (again.Imported, again.Unchanged));
        Assert.Equal(1L, withdrawn.Imported);
        await using var db = _db.Open();
        Assert.Equal([("a", true), ("a", false), ("b", true)],
            (await db.ConsentRecords.OrderBy(r => r.ShopperId).ThenBy(r => r.Id).ToListAsync()).Select(r => (r.ShopperId, r.Personalisation)));
        Assert.Equal(["b"], await db.BehaviourEvents.Select(e => e.ShopperId).ToListAsync());
        Assert.False(await db.Profiles.AnyAsync());
        Assert.Null((await db.AdEvents.SingleAsync()).ShopperId);
    }

    [Fact]
    public async Task Events_RowsOfShoppersWithoutPersonalisation_AreDroppedAndCounted()
    {
        await ImportAsync(CsvImporter.Shoppers, "shopperId,personalisation,measurement\nyes,true,true\nno,false,true\n");

        var result = await ImportAsync(CsvImporter.Events,
            "shopperId,type,timestamp,query\nyes,search,2026-11-20T10:00:00Z,chairs\nno,search,2026-11-20T10:00:00Z,chairs\nunknown,search,2026-11-20T10:00:00Z,chairs\n");

        Assert.Equal((3L, 1L, 2L, 0L), (result.Rows, result.Imported, result.WithoutConsent, result.Unchanged));
        await using var db = _db.Open();
        Assert.Equal(["yes"], await db.BehaviourEvents.Select(e => e.ShopperId).ToListAsync());
        Assert.False((await db.Shoppers.SingleAsync(s => s.Id == "unknown")).AllowsPersonalisation);
    }

    [Fact]
    public async Task Shoppers_RowOfSuppressedShopper_IsDroppedAndCounted()
    {
        await using (var db = _db.Open())
        {
            db.SuppressedShoppers.Add(new SuppressedShopper { KeyHash = ConsentRules.Pseudonyms.SuppressionKey("gone"), SuppressedAt = Day });
            await db.SaveChangesAsync();
        }

        var result = await ImportAsync(CsvImporter.Shoppers, "shopperId,consent\ngone,yes\nkept,yes\n");

        Assert.Equal((2L, 1L, 1L, 0L), (result.Rows, result.Imported, result.Suppressed, result.Unchanged));
        await using var check = _db.Open();
        Assert.Equal(["kept"], await check.Shoppers.Select(s => s.Id).ToListAsync());
        Assert.Equal(["kept"], await check.ConsentRecords.Select(r => r.ShopperId).ToListAsync());
    }
}
