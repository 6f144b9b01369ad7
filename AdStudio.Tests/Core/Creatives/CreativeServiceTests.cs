using System.Security.Cryptography;
using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Creatives.Uploads;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Creatives;

public sealed class CreativeServiceTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private CreativeService _service = null!;
    private CreativeStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _store = new CreativeStore(new LocalFileStore(new DataPaths(_db.Directory)));
        var options = new CreativeOptions { ForbiddenPhrases = ["guaranteed"], CopyLimits = new() { ["sidebar"] = new() { Headline = 40, Body = 90 } } };
        var shop = TestShop.With("sidebar", "leaderboard");
        _service = new CreativeService(_db.Factory, _store, Options.Create(options), Options.Create(shop), _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static CreativeCopy Copy(string headline = "Spring reading list", string landing = "https://shop.example/books") =>
        new("Books spring", headline, "Twenty new titles", "Browse", landing, "books", "spring, reading", 0.1);

    [Fact]
    public async Task Upload_HostileFileName_IsStoredByHashInsideTheDataFolder()
    {
        var creative = await _service.UploadAsync("../../../etc/<script>passwd.png", TestImages.Png(), "maria", CancellationToken.None);

        Assert.Equal("passwd", creative.Name.Replace("script", "", StringComparison.Ordinal));
        Assert.Matches("^/creatives/files/[0-9a-f]{64}\\.png$", creative.ImageUrl);
        Assert.Single(StoredFiles(), Path.Combine(Folder, creative.ImageUrl[CreativeStore.PublicPrefix.Length..]));
        Assert.Null(await _store.ReadAsync("../adstudio.db", CancellationToken.None));
        Assert.Equal((CreativeStatus.Draft, 300, 250), (creative.Status, creative.Width, creative.Height));
    }

    [Fact]
    public async Task Upload_SameImageTwice_StoresOneFile()
    {
        var png = TestImages.Png();

        var first = await _service.UploadAsync("a.png", png, "maria", CancellationToken.None);
        var second = await _service.UploadAsync("b.png", png, "maria", CancellationToken.None);

        Assert.Equal(first.ImageUrl, second.ImageUrl);
        Assert.Equal(2, Directory.GetFiles(Folder).Length);
    }

    [Fact]
    public async Task Upload_SizeOfNoPlacement_IsRefusedNamingTheFormats()
    {
        var error = await Assert.ThrowsAsync<CreativeRuleException>(() =>
            _service.UploadAsync("odd.png", TestImages.Png(500, 500), "maria", CancellationToken.None));

        Assert.Contains("500×500", error.Message, StringComparison.Ordinal);
        Assert.Contains("300×250 (sidebar)", error.Message, StringComparison.Ordinal);
        await using var db = _db.Open();
        Assert.Equal(0, await db.Creatives.CountAsync());
    }

    [Fact]
    public async Task UploadBatch_OneImageOfNoPlacementSize_StoresNoFileAndNoRowAndNamesIt()
    {
        UploadFile[] batch = [new("a.png", TestImages.Png(300, 250)), new("odd.png", TestImages.Png(500, 500)), new("c.png", TestImages.Png(728, 90))];

        var result = await _service.UploadAsync(batch, "maria", CancellationToken.None);

        var refused = Assert.Single(result.Refused);
        Assert.Equal((1, "odd.png"), (refused.Index, refused.FileName));
        Assert.Contains("500×500", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Created);
        Assert.Empty(StoredFiles());
        await using var db = _db.Open();
        Assert.Equal((0, 0), (await db.Creatives.CountAsync(), await db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task UploadBatch_AllGood_StoresEveryFileAndRowInOrder()
    {
        UploadFile[] batch = [new("a.png", TestImages.Png(300, 250)), new("b.png", TestImages.Png(728, 90))];

        var result = await _service.UploadAsync(batch, "maria", CancellationToken.None);

        Assert.True(result.IsStored);
        Assert.Equal(["a", "b"], result.Created.Select(creative => creative.Name));
        Assert.Equal(4, StoredFiles().Length);
        await using var db = _db.Open();
        Assert.Equal(2, await db.Creatives.CountAsync());
        Assert.Equal(2, await db.AuditEntries.CountAsync(entry => entry.Action == "uploaded"));
    }

    [Fact]
    public async Task UploadBatch_FileWriteFailsMidway_RemovesTheFilesAlreadyWritten()
    {
        // Arrange: a folder squats where the second image's file must go, so its write fails after the first is stored.
        var second = TestImages.Png(728, 90);
        var hash = Convert.ToHexStringLower(SHA256.HashData(ImageInspector.Inspect(second, 2 * 1024 * 1024, 10_000_000).Clean));
        var blocker = Directory.CreateDirectory(Path.Combine(Folder, $"{hash}.png"));
        UploadFile[] batch = [new("a.png", TestImages.Png(300, 250)), new("b.png", second)];

        // Act
        await Assert.ThrowsAnyAsync<IOException>(() => _service.UploadAsync(batch, "maria", CancellationToken.None));

        // Assert
        Assert.Empty(StoredFiles());
        Assert.Equal([blocker.FullName], Directory.GetDirectories(Folder));
        await using var db = _db.Open();
        Assert.Equal(0, await db.Creatives.CountAsync());
    }

    [Fact]
    public async Task UploadBatch_DatabaseFailsAfterTheRows_RollsBackRowsAndRemovesFiles()
    {
        // Arrange: the audit entries, written after the creatives in the same transaction, are refused by the database.
        await RefuseAuditEntriesAsync();

        UploadFile[] batch = [new("a.png", TestImages.Png(300, 250)), new("b.png", TestImages.Png(728, 90))];

        // Act
        await Assert.ThrowsAsync<DbUpdateException>(() => _service.UploadAsync(batch, "maria", CancellationToken.None));

        // Assert
        Assert.Empty(StoredFiles());
        await using var after = _db.Open();
        Assert.Equal(0, await after.Creatives.CountAsync());
    }

    [Fact]
    public async Task UploadBatch_ImageStoredBefore_KeepsItsFileWhenTheBatchFails()
    {
        var existing = await _service.UploadAsync("kept.png", TestImages.Png(300, 250), "maria", CancellationToken.None);
        await RefuseAuditEntriesAsync();

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            _service.UploadAsync([new UploadFile("again.png", TestImages.Png(300, 250))], "maria", CancellationToken.None));

        Assert.NotNull(await _store.ReadAsync(existing.ImageUrl[CreativeStore.PublicPrefix.Length..], CancellationToken.None));
        Assert.Equal(2, StoredFiles().Length);
    }

    private string Folder => Path.Combine(_db.Directory, CreativeStore.StoreFolder);

    private string[] StoredFiles() => Directory.Exists(Folder) ? Directory.GetFiles(Folder) : [];

    [Fact]
    public async Task Workflow_SubmitApprove_RecordsWhoDidWhat()
    {
        var creative = await _service.UploadAsync("spring.png", TestImages.Png(), "maria", CancellationToken.None);
        await _service.UpdateCopyAsync(creative.Id, Copy(), "maria", CancellationToken.None);

        var findings = await _service.SubmitAsync(creative.Id, "maria", CancellationToken.None);
        await _service.ApproveAsync(creative.Id, "jon", CancellationToken.None);

        Assert.Empty(findings);
        await using var db = _db.Open();
        var stored = await db.Creatives.SingleAsync();
        Assert.Equal((CreativeStatus.Approved, "jon"), (stored.Status, stored.ReviewedBy));
        var history = await _service.HistoryAsync(creative.Id, CancellationToken.None);
        Assert.Equal(["approved", "submitted", "edited", "uploaded"], history.Select(h => h.Action));
        Assert.Equal(["jon", "maria", "maria", "maria"], history.Select(h => h.Actor));
    }

    [Fact]
    public async Task Review_ByWhoeverChangedItLast_IsRefusedAndChangesNothing()
    {
        // Arrange: maria uploads, jon edits the copy last and submits.
        var creative = await _service.UploadAsync("spring.png", TestImages.Png(), "maria@shop.example", CancellationToken.None);
        await _service.UpdateCopyAsync(creative.Id, Copy(), " Jon@Shop.Example ", CancellationToken.None);
        await _service.SubmitAsync(creative.Id, "jon@shop.example", CancellationToken.None);

        // Act
        var approve = await Assert.ThrowsAsync<FourEyesException>(() => _service.ApproveAsync(creative.Id, "jon@shop.example", CancellationToken.None));
        var reject = await Assert.ThrowsAsync<FourEyesException>(() => _service.RejectAsync(creative.Id, "JON@shop.example", "No.", CancellationToken.None));

        // Assert: the uploader is not the last editor any more, so maria may decide.
        Assert.Contains("four-eyes", approve.Message, StringComparison.Ordinal);
        Assert.Contains("four-eyes", reject.Message, StringComparison.Ordinal);
        await using (var db = _db.Open())
        {
            var stored = await db.Creatives.SingleAsync();
            Assert.Equal((CreativeStatus.PendingReview, "Jon@Shop.Example", null), (stored.Status, stored.LastEditedBy, stored.ReviewedBy));
        }

        await _service.ApproveAsync(creative.Id, "maria@shop.example", CancellationToken.None);
        await using var after = _db.Open();
        Assert.Equal(CreativeStatus.Approved, (await after.Creatives.SingleAsync()).Status);
    }

    [Fact]
    public async Task Upload_RecordsTheUploaderAsLastEditor_WhoThenCannotApprove()
    {
        var creative = await _service.UploadAsync("spring.png", TestImages.Png(), "maria", CancellationToken.None);
        await _service.UpdateCopyAsync(creative.Id, Copy(), "jon", CancellationToken.None);
        await _service.SubmitAsync(creative.Id, "jon", CancellationToken.None);

        Assert.Equal("maria", creative.LastEditedBy);
        await Assert.ThrowsAsync<FourEyesException>(() => _service.ApproveAsync(creative.Id, "jon", CancellationToken.None));
    }

    [Fact]
    public async Task Submit_ForbiddenClaim_StaysDraftWithFindings()
    {
        var creative = await _service.UploadAsync("spring.png", TestImages.Png(), "maria", CancellationToken.None);
        await _service.UpdateCopyAsync(creative.Id, Copy("Guaranteed page-turners"), "maria", CancellationToken.None);

        var findings = await _service.SubmitAsync(creative.Id, "maria", CancellationToken.None);

        Assert.Contains(findings, f => f.Field == "headline");
        await using var db = _db.Open();
        var stored = await db.Creatives.SingleAsync();
        Assert.Equal(CreativeStatus.Draft, stored.Status);
        Assert.Contains("guaranteed", stored.ReviewNotes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_WithoutReasons_IsRefused_WithReasons_IsRecorded()
    {
        var creative = await _service.UploadAsync("spring.png", TestImages.Png(), "maria", CancellationToken.None);
        await _service.UpdateCopyAsync(creative.Id, Copy(), "maria", CancellationToken.None);
        await _service.SubmitAsync(creative.Id, "maria", CancellationToken.None);

        await Assert.ThrowsAsync<CreativeRuleException>(() => _service.RejectAsync(creative.Id, "jon", " ", CancellationToken.None));
        await _service.RejectAsync(creative.Id, "jon", "Logo too small.", CancellationToken.None);

        await using var db = _db.Open();
        var stored = await db.Creatives.SingleAsync();
        Assert.Equal((CreativeStatus.Rejected, "Logo too small."), (stored.Status, stored.ReviewNotes));
    }

    [Fact]
    public async Task UpdateCopy_ApprovedCreative_GoesBackToDraft()
    {
        var creative = await _service.UploadAsync("spring.png", TestImages.Png(), "maria", CancellationToken.None);
        await _service.UpdateCopyAsync(creative.Id, Copy(), "maria", CancellationToken.None);
        await _service.SubmitAsync(creative.Id, "maria", CancellationToken.None);
        await _service.ApproveAsync(creative.Id, "jon", CancellationToken.None);

        var edited = await _service.UpdateCopyAsync(creative.Id, Copy("Summer reading list"), "maria", CancellationToken.None);

        Assert.Equal(CreativeStatus.Draft, edited.Status);
    }

    [Theory]
    [InlineData("http://shop.example", "landingUrl")]
    [InlineData("https://shop.example", "headline", "Deals in {{region}}")]
    public async Task UpdateCopy_BadField_IsRefusedWithField(string landing, string field, string headline = "Fine")
    {
        var creative = await _service.UploadAsync("spring.png", TestImages.Png(), "maria", CancellationToken.None);

        var error = await Assert.ThrowsAsync<CreativeRuleException>(() =>
            _service.UpdateCopyAsync(creative.Id, Copy(headline, landing), "maria", CancellationToken.None));

        Assert.Contains(error.Findings, f => f.Field == field);
    }

    /// <summary>Makes the database refuse every audit entry (a trigger, in each engine's own syntax).</summary>
    private async Task RefuseAuditEntriesAsync()
    {
        await using var db = _db.Open();
        if (TestStorage.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
                CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION refuse_audit();
                """);
            return;
        }

        await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'refused'); END;");
    }
}
