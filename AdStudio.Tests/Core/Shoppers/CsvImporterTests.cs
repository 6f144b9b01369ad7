using System.Text;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Shoppers.Import;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Shoppers;

public sealed class CsvImporterTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private CsvImporter _importer = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        // Opt-out: these tests are about the import's mechanics for shoppers that consent; consent has its own tests.
        _importer = new CsvImporter(
            _db.Factory, new DataPaths(_db.Directory), clock, Options.Create(new EventWriterOptions()),
            ConsentRules.For(ConsentModels.OptOut, clock), ConsentRules.Suppressions);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<ImportResult> ImportAsync(string kind, string csv) => _importer.ImportAsync(kind, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "maria", CancellationToken.None);

    [Fact]
    public async Task Shoppers_BadRows_AreReportedWithRowColumnAndReason_GoodRowsImported()
    {
        var result = await ImportAsync(CsvImporter.Shoppers,
            """
            shopperId,consent,ageBand,gender,region
            a,true,25-34,female,north
            ,yes,,,
            b,maybe,,,south
            c,0,,robot,east
            "d,with comma",1,,,west
            """);

        Assert.Equal((5L, 2L, 3L), (result.Rows, result.Imported, result.Rejected));
        Assert.Equal([new ImportError(3, "shopperId", "required"), new ImportError(4, "consent", "must be true or false (yes/no, 1/0)"), new ImportError(5, "gender", "must be female, male or other (or empty)")], result.Errors);
        Assert.NotNull(_importer.ReportPath(result.ReportId!));
        var report = await File.ReadAllTextAsync(_importer.ReportPath(result.ReportId!)!);
        Assert.StartsWith("Row,Column,Reason", report, StringComparison.Ordinal);
        await using var db = _db.Open();
        Assert.Equal(["a", "d,with comma"], await db.Shoppers.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "import");
        Assert.Equal(("maria", "imported", "shoppers: 5 rows, 2 imported, 0 unchanged, 3 rejected"), (audit.Actor, audit.Action, audit.Details));
    }

    [Fact]
    public async Task Events_SameFileTwice_AddsNothingTheSecondTime()
    {
        const string csv =
            """
            shopperId,type,timestamp,category,productId,query,amount,dwellSeconds
            a,view,2026-11-20T10:00:00Z,books,b-1,,,12.5
            a,purchase,2026-11-20T10:05:00Z,books,b-1,,19.90,
            a,search,2026-11-20T10:06:00+01:00,,,crime novels,,
            """;

        var first = await ImportAsync(CsvImporter.Events, csv);
        var second = await ImportAsync(CsvImporter.Events, csv);

        Assert.Equal((3L, 3L, 0L), (first.Rows, first.Imported, first.Unchanged));
        Assert.Equal((3L, 0L, 3L), (second.Rows, second.Imported, second.Unchanged));
        await using var db = _db.Open();
        var events = await db.BehaviourEvents.OrderBy(e => e.OccurredAt).ToListAsync();
        Assert.Equal(3, events.Count);
        Assert.Equal(new DateTime(2026, 11, 20, 9, 6, 0, DateTimeKind.Utc), events[0].OccurredAt);
        Assert.Equal(19.90, events[2].Amount);
    }

    [Fact]
    public async Task Events_InvalidValues_AreRejectedPerRule()
    {
        var result = await ImportAsync(CsvImporter.Events,
            """
            shopperId,type,timestamp,category,productId,query,amount,dwellSeconds
            a,teleport,2026-11-20T10:00:00Z,books,b-1,,,
            a,view,yesterday,books,b-1,,,
            a,view,2030-01-01T00:00:00Z,books,b-1,,,
            a,purchase,2026-11-20T10:00:00Z,books,b-1,,,
            a,search,2026-11-20T10:00:00Z,,,,,
            a,view,2026-11-20T10:00:00Z,books,b-1,,,-3
            a,view,2026-11-20T10:00:00Z,,b-1,,,
            """);

        Assert.Equal(0, result.Imported);
        Assert.Equal(
            ["type", "timestamp", "timestamp", "amount", "query", "dwellSeconds", "category"],
            result.Errors.Select(e => e.Column));
        Assert.Equal([2L, 3, 4, 5, 6, 7, 8], result.Errors.Select(e => e.Row));
    }

    [Fact]
    public async Task Events_NumbersAboveTheEventMaxima_AreRejectedAndValuesAtTheMaximaImported()
    {
        var result = await ImportAsync(CsvImporter.Events,
            """
            shopperId,type,timestamp,category,productId,query,amount,dwellSeconds
            a,purchase,2026-11-20T10:00:00Z,books,b-1,,1e308,
            a,view,2026-11-20T10:00:00Z,books,b-1,,,86400.5
            a,purchase,2026-11-20T10:00:00Z,books,b-1,,1000000,86400
            """);

        Assert.Equal(1, result.Imported);
        Assert.Equal([(2L, "amount"), (3L, "dwellSeconds")], result.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal("must be a number from 0 to 1000000 (use a dot for decimals)", result.Errors[0].Reason);
    }

    [Fact]
    public async Task MissingRequiredColumn_IsRefusedWhole()
    {
        var error = await Assert.ThrowsAsync<ImportFormatException>(() => ImportAsync(CsvImporter.Events, "shopperId,kind,when\na,view,2026-11-20T10:00:00Z\n"));

        Assert.Contains("type, timestamp", error.Message, StringComparison.Ordinal);
        await using var db = _db.Open();
        Assert.Equal(0, await db.BehaviourEvents.CountAsync());
    }

    [Fact]
    public async Task Events_LargeFile_StreamsThroughInBatches()
    {
        var path = Path.Combine(_db.Directory, "large.csv");
        await using (var writer = new StreamWriter(path))
        {
            await writer.WriteLineAsync("shopperId,type,timestamp,category,productId,query,amount,dwellSeconds");
            var start = new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 50_000; i++)
            {
                await writer.WriteLineAsync($"s{i % 997},view,{start.AddSeconds(i * 37):O},cat{i % 8},p{i % 100},,,{i % 60}");
            }

            await writer.WriteLineAsync("broken,row");
        }

        await using var file = File.OpenRead(path);
        var result = await _importer.ImportAsync(CsvImporter.Events, file, "maria", CancellationToken.None);

        Assert.Equal((50_001L, 50_000L, 1L), (result.Rows, result.Imported, result.Rejected));
        await using var db = _db.Open();
        Assert.Equal(50_000, await db.BehaviourEvents.CountAsync());
    }

    [Theory]
    [InlineData("view")]
    [InlineData("search")]
    [InlineData("add_to_cart")]
    [InlineData("purchase")]
    public async Task Events_RowWithoutAnyOptionalField_IsRejectedForEachFieldItsTypeRequires(string type)
    {
        var result = await ImportAsync(CsvImporter.Events, $"shopperId,type,timestamp,category,productId,query,amount\na,{type},2026-11-20T10:00:00Z,,,,\n");

        var required = BehaviourEventRules.RequiredFields(BehaviourEventRules.ParseType(type)!.Value);
        Assert.Equal(0, result.Imported);
        Assert.Equal(required, result.Errors.Select(e => e.Column));
        Assert.All(result.Errors, e => Assert.Equal($"required for {type}", e.Reason));
    }
}
