using System.Diagnostics.CodeAnalysis;
using AdStudio.Core.Auditing;
using AdStudio.Core.Creatives.Audit;
using AdStudio.Core.Creatives.Copy;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Creatives.Uploads;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Creatives;

/// <summary>
/// Upload, copy editing and review of creatives: draft → pending review (after the automatic checks pass) →
/// approved or rejected with reasons. Editing an approved or rejected creative returns it to draft. Every
/// change is written to the audit trail with who made it.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The upload lock's wait handle is never asked for, so the SemaphoreSlim holds nothing to dispose.")]
public sealed class CreativeService(
    IDbContextFactory<AdStudioDb> dbFactory,
    CreativeStore store,
    IOptions<CreativeOptions> options,
    IOptions<ShopOptions> shop,
    TimeProvider clock)
{
    // One batch stores at a time: files are keyed by content, so a batch that fails and removes the files it wrote must
    // not remove one that a concurrent batch with the same image found in place and has just committed a row for. That
    // holds for one node (the data folder); across nodes the database store writes files in the rows' transaction.
    private readonly SemaphoreSlim _storing = new(1, 1);

    private IReadOnlyDictionary<string, PlacementSize> Placements => shop.Value.Placements;

    /// <summary>
    /// Stores a batch of uploaded images as new draft creatives, all or nothing: every file passes every check
    /// (<see cref="UploadChecks"/>) before any is stored; then files and rows are written together, and a failure
    /// while storing removes the files already written and rolls the rows back. File names only suggest display names.
    /// </summary>
    public async Task<UploadResult> UploadAsync(IReadOnlyList<UploadFile> files, string actor, CancellationToken ct)
    {
        var (passed, refused) = UploadChecks.Run(files, options.Value, Placements);
        return refused.Count > 0 ? UploadResult.Rejected(refused) : UploadResult.Stored(await StoreAllAsync(passed, actor, ct));
    }

    /// <summary>A batch of one; a refused file is a <see cref="CreativeRuleException"/> on the image.</summary>
    public async Task<Creative> UploadAsync(string? fileName, byte[] data, string actor, CancellationToken ct)
    {
        var result = await UploadAsync([new UploadFile(fileName, data)], actor, ct);
        return result.Refused is [var refused, ..]
            ? throw new CreativeRuleException(refused.Reason, [new AuditFinding("image", refused.Reason)])
            : result.Created[0];
    }

    private async Task<IReadOnlyList<Creative>> StoreAllAsync(IReadOnlyList<CheckedUpload> uploads, string actor, CancellationToken ct)
    {
        await _storing.WaitAsync(ct);
        try
        {
            return await StoreBatchAsync(uploads, actor, ct);
        }
        finally
        {
            _storing.Release();
        }
    }

    private async Task<IReadOnlyList<Creative>> StoreBatchAsync(IReadOnlyList<CheckedUpload> uploads, string actor, CancellationToken ct)
    {
        // Declared first, so it is disposed last: after the transaction has rolled back, the files it wrote go too.
        using var written = store.BeginBatch();
        var now = Now();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var creatives = new List<Creative>(uploads.Count);
        foreach (var upload in uploads)
        {
            creatives.Add(NewDraft(upload, await written.SaveAsync(db, upload.Image, ct), actor, now));
        }

        db.Creatives.AddRange(creatives);
        await db.SaveChangesAsync(ct);
        foreach (var (creative, upload) in creatives.Zip(uploads))
        {
            var image = upload.Image;
            AuditTrail.Add(db, AuditTrail.Creative, creative.Id, actor, "uploaded", $"{image.Format} {image.Width}×{image.Height}, sha256 {creative.ContentHash![..12]}…", now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        written.Keep();
        return creatives;
    }

    private static Creative NewDraft(CheckedUpload upload, StoredImage stored, string actor, DateTime now) => new()
    {
        Name = DisplayName(upload.FileName, upload.Image),
        Headline = "",
        LandingUrl = "",
        Category = "",
        ImageUrl = stored.ImageUrl,
        ThumbnailUrl = stored.ThumbnailUrl,
        ContentHash = stored.Hash,
        Width = upload.Image.Width,
        Height = upload.Image.Height,
        Status = CreativeStatus.Draft,
        CreatedAt = now,
        LastEditedBy = ActorName(actor),
    };

    /// <summary>Saves copy; fields are checked now (templates, https landing) so a bad value is a message, not a surprise at review.</summary>
    public async Task<Creative> UpdateCopyAsync(int id, CreativeCopy copy, string actor, CancellationToken ct) =>
        (await SaveCopyAsync(id, copy, actor, ct)).Creative;

    /// <summary>
    /// Saves copy as a draft and runs the automatic checks of submission on it, so their problems show at once. Values
    /// that cannot be stored or rendered (templates, a landing page that is not https) are refused; policy problems (claims,
    /// length for the placement) are saved with the draft as its review notes and block only the submission.
    /// </summary>
    public async Task<SavedCopy> SaveCopyAsync(int id, CreativeCopy copy, string actor, CancellationToken ct)
    {
        var findings = CheckCopy(copy);
        if (findings.Count > 0)
        {
            throw new CreativeRuleException("The copy is not valid yet.", findings);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creative = await FindAsync(db, id, ct);
        if (creative.Status == CreativeStatus.PendingReview)
        {
            throw new CreativeRuleException("The creative is waiting for review; withdraw it or wait for the reviewer before editing.");
        }

        var wasLive = creative.Status is CreativeStatus.Approved or CreativeStatus.Rejected;
        creative.Name = copy.Name.Trim();
        creative.Headline = copy.Headline.Trim();
        creative.Body = copy.Body?.Trim() ?? "";
        creative.CallToAction = string.IsNullOrWhiteSpace(copy.CallToAction) ? "Shop now" : copy.CallToAction.Trim();
        creative.LandingUrl = copy.LandingUrl.Trim();
        creative.Category = copy.Category.Trim();
        creative.Tags = string.Join(",", (copy.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        creative.Discount = copy.Discount;
        creative.Status = CreativeStatus.Draft;
        creative.LastEditedBy = ActorName(actor);

        // Re-checked on every save, so notes of fixed problems disappear; a reviewer's reasons stay in the audit trail.
        var problems = Check(creative);
        creative.ReviewNotes = CreativeFieldLabels.Notes(problems);
        AuditTrail.Add(db, AuditTrail.Creative, id, actor, "edited", wasLive ? "Copy changed; back to draft for a new review." : "Copy changed.", Now());
        await db.SaveChangesAsync(ct);
        return new SavedCopy(creative, problems);
    }

    /// <summary>The automatic checks of submission on a creative as it stands (or as edited, not yet saved).</summary>
    public IReadOnlyList<AuditFinding> Check(Creative creative) => CreativeAuditor.Check(creative, Placements, options.Value);

    /// <summary>The placement an image of this size serves in and the copy lengths it shows.</summary>
    public PlacementCopyLimit CopyLimitFor(int width, int height)
    {
        var placement = Placements.FirstOrDefault(p => p.Value.Fits(width, height)).Key;
        return new PlacementCopyLimit(placement, width, height, placement is null ? null : options.Value.CopyLimits.GetValueOrDefault(placement));
    }

    /// <summary>Runs the automatic checks; passing ones go to a human, failing ones stay draft with the findings.</summary>
    public async Task<IReadOnlyList<AuditFinding>> SubmitAsync(int id, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creative = await FindAsync(db, id, ct);
        if (creative.Status != CreativeStatus.Draft)
        {
            throw new CreativeRuleException($"Only a draft can be submitted; this creative is {Describe(creative.Status)}.");
        }

        var findings = Check(creative);
        creative.ReviewNotes = CreativeFieldLabels.Notes(findings);
        if (findings.Count == 0)
        {
            creative.Status = CreativeStatus.PendingReview;
        }

        AuditTrail.Add(db, AuditTrail.Creative, id, actor, findings.Count == 0 ? "submitted" : "checks-failed", creative.ReviewNotes, Now());
        await db.SaveChangesAsync(ct);
        return findings;
    }

    /// <exception cref="FourEyesException">The reviewer changed the image or copy last.</exception>
    public async Task ApproveAsync(int id, string reviewer, CancellationToken ct) =>
        await ReviewAsync(id, reviewer, CreativeStatus.Approved, null, ct);

    /// <exception cref="FourEyesException">The reviewer changed the image or copy last.</exception>
    public async Task RejectAsync(int id, string reviewer, string reasons, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new CreativeRuleException("Say why the creative is rejected, so its author can fix it.");
        }

        await ReviewAsync(id, reviewer, CreativeStatus.Rejected, reasons.Trim(), ct);
    }

    public async Task<List<AuditEntry>> HistoryAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AuditTrail.Creative && a.EntityId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
    }

    private List<AuditFinding> CheckCopy(CreativeCopy copy)
    {
        var findings = new List<AuditFinding>();
        if (string.IsNullOrWhiteSpace(copy.Name) || copy.Name.Length > 128)
        {
            findings.Add(new("name", "Give the creative a name of at most 128 characters."));
        }

        if (string.IsNullOrWhiteSpace(copy.Headline) || copy.Headline.Length > 256)
        {
            findings.Add(new("headline", "Write a headline of at most 256 characters."));
        }

        if (copy.Body is { Length: > 1024 })
        {
            findings.Add(new("body", "The body is longer than 1,024 characters."));
        }

        if (copy.CallToAction is { Length: > 64 })
        {
            findings.Add(new("callToAction", "The call to action is longer than 64 characters."));
        }

        if (string.IsNullOrWhiteSpace(copy.Category) || copy.Category.Length > 64)
        {
            findings.Add(new("category", "Choose the category the creative promotes."));
        }

        if (!(copy.Discount >= 0 && copy.Discount < 1))
        {
            findings.Add(new("discount", "The discount is a fraction from 0 (none) up to, but not including, 1."));
        }

        findings.AddRange(CopyTemplate.Validate(copy.Headline).Select(p => new AuditFinding("headline", p)));
        findings.AddRange(CopyTemplate.Validate(copy.Body).Select(p => new AuditFinding("body", p)));
        findings.AddRange(CreativeAuditor.CheckLanding(copy.LandingUrl, options.Value));
        return findings;
    }

    private async Task ReviewAsync(int id, string reviewer, CreativeStatus outcome, string? reasons, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reviewer))
        {
            throw new CreativeRuleException("Name the reviewer: the audit trail records who decided.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creative = await FindAsync(db, id, ct);
        if (creative.Status != CreativeStatus.PendingReview)
        {
            throw new CreativeRuleException($"Only a creative waiting for review can be {Describe(outcome)}; this one is {Describe(creative.Status)}.");
        }

        if (IsLastEditor(creative, reviewer))
        {
            throw new FourEyesException(
                $"You changed this creative's image or copy last, so another reviewer must decide on it (four-eyes review). It stays {Describe(creative.Status)}.");
        }

        creative.Status = outcome;
        if (outcome == CreativeStatus.Approved)
        {
            creative.ApprovedLandingUrl = creative.LandingUrl;
        }

        creative.ReviewNotes = reasons;
        creative.ReviewedAt = Now();
        creative.ReviewedBy = reviewer.Trim();
        AuditTrail.Add(db, AuditTrail.Creative, id, reviewer, Describe(outcome), reasons, Now());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether <paramref name="reviewer"/> made the last change to the image or copy (e-mails compare without case).</summary>
    public static bool IsLastEditor(Creative creative, string reviewer) =>
        creative.LastEditedBy is { } editor && string.Equals(editor, ActorName(reviewer), StringComparison.OrdinalIgnoreCase);

    // The same trimming and length as the audit trail, so the editor and the reviewer compare like for like.
    private static string ActorName(string actor)
    {
        var trimmed = actor.Trim();
        return trimmed.Length > 128 ? trimmed[..128] : trimmed;
    }

    private static async Task<Creative> FindAsync(AdStudioDb db, int id, CancellationToken ct) =>
        await db.Creatives.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException($"There is no creative {id}.");

    /// <summary>The file name without path or extension, stripped of anything but printable text, as a starting display name.</summary>
    private static string DisplayName(string? fileName, InspectedImage image)
    {
        var stem = Path.GetFileNameWithoutExtension((fileName ?? "").Replace('\\', '/').Split('/').Last());
        var clean = new string([.. stem.Where(c => !char.IsControl(c) && c is not ('<' or '>' or '"' or '`'))]).Trim();
        if (clean.Length == 0 || clean.All(c => c == '.'))
        {
            clean = $"Creative {image.Width}×{image.Height}";
        }

        return clean.Length > 128 ? clean[..128] : clean;
    }

    private static string Describe(CreativeStatus status) => status switch
    {
        CreativeStatus.PendingReview => "pending review",
        _ => status.ToString().ToLowerInvariant(),
    };

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
