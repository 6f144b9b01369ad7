using AdStudio.Core.Auditing;
using AdStudio.Core.Creatives;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Campaigns;

/// <summary>
/// Creates and edits campaigns and moves them through draft → active ⇄ paused → ended. A campaign only goes
/// live with an approved creative and a budget; every change is on the audit trail.
/// </summary>
public sealed class CampaignService(IDbContextFactory<AdStudioDb> dbFactory, IOptions<ShopOptions> shop, IOptions<PrivacyOptions> privacy, TimeProvider clock)
{
    public async Task<Campaign> CreateAsync(CampaignDraft draft, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CheckAsync(db, draft, ct);
        var campaign = new Campaign { Name = draft.Name.Trim(), Status = CampaignStatus.Draft, CreatedAt = Now() };
        await ApplyAsync(db, campaign, draft, ct);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        AuditTrail.Add(db, AuditTrail.Campaign, campaign.Id, actor, "created", Summary(campaign), Now());
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    public async Task<Campaign> UpdateAsync(int id, CampaignDraft draft, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await FindAsync(db, id, ct);
        if (campaign.Status == CampaignStatus.Ended)
        {
            throw new CampaignRuleException("An ended campaign cannot change; duplicate it to run it again.");
        }

        await CheckAsync(db, draft, ct);
        await ApplyAsync(db, campaign, draft, ct);
        if (campaign.Status == CampaignStatus.Active)
        {
            CheckCanServe(campaign);
        }

        AuditTrail.Add(db, AuditTrail.Campaign, id, actor, "edited", Summary(campaign), Now());
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>Draft or paused → active, once it has an approved creative and a budget and has not ended.</summary>
    public Task ActivateAsync(int id, string actor, CancellationToken ct) => MoveAsync(id, actor, "activated", c =>
    {
        if (c.Status is not (CampaignStatus.Draft or CampaignStatus.Paused))
        {
            throw new CampaignRuleException($"Only a draft or paused campaign can be activated; this one is {c.Status.ToString().ToLowerInvariant()}.");
        }

        CheckCanServe(c);
        c.Status = CampaignStatus.Active;
    }, ct);

    public Task PauseAsync(int id, string actor, CancellationToken ct) => MoveAsync(id, actor, "paused", c =>
    {
        if (c.Status != CampaignStatus.Active)
        {
            throw new CampaignRuleException("Only an active campaign can be paused.");
        }

        c.Status = CampaignStatus.Paused;
    }, ct);

    public Task EndAsync(int id, string actor, CancellationToken ct) => MoveAsync(id, actor, "ended", c =>
    {
        if (c.Status == CampaignStatus.Ended)
        {
            throw new CampaignRuleException("The campaign has already ended.");
        }

        c.Status = CampaignStatus.Ended;
        c.EndsAt ??= Now();
    }, ct);

    /// <summary>A draft copy with the same settings, creatives and targets.</summary>
    public async Task<Campaign> DuplicateAsync(int id, string actor, CancellationToken ct)
    {
        CampaignDraft draft;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var source = await FindAsync(db, id, ct);
            draft = CampaignDraft.From(source) with { Name = Truncate($"Copy of {source.Name}", 128) };
            if (draft.EndsAt is { } end && end <= Now())
            {
                draft = draft with { StartsAt = Now(), EndsAt = null };
            }
        }

        return await CreateAsync(draft, actor, ct);
    }

    public async Task<List<AuditEntry>> HistoryAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AuditTrail.Campaign && a.EntityId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync(ct);
    }

    private void CheckCanServe(Campaign campaign)
    {
        var problems = new List<CampaignFinding>();
        if (!campaign.Creatives.Any(cr => cr.Status == CreativeStatus.Approved))
        {
            problems.Add(new("creativeIds", "Add at least one approved creative before going live."));
        }

        if (!(campaign.DailyBudget > 0) || !(campaign.TotalBudget > 0))
        {
            problems.Add(new("dailyBudget", "Set a daily and a total budget before going live."));
        }

        if (campaign.EndsAt is { } end && end <= Now())
        {
            problems.Add(new("endsAt", "The campaign's end date has passed; move it or duplicate the campaign."));
        }

        if (problems.Count > 0)
        {
            throw new CampaignRuleException("The campaign cannot go live yet.", problems);
        }
    }

    private async Task MoveAsync(int id, string actor, string action, Action<Campaign> move, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await FindAsync(db, id, ct);
        move(campaign);
        AuditTrail.Add(db, AuditTrail.Campaign, id, actor, action, null, Now());
        await db.SaveChangesAsync(ct);
    }

    private async Task CheckAsync(AdStudioDb db, CampaignDraft draft, CancellationToken ct)
    {
        if (CampaignRules.ValidateShape(draft) is { Count: > 0 } shape)
        {
            throw new CampaignRuleException("The campaign is not valid yet.", shape);
        }

        var creatives = (await db.Creatives.Where(c => draft.CreativeIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var segmentIds = draft.IncludeSegments.Concat(draft.ExcludeSegments).ToList();
        var found = await db.Segments.Where(s => segmentIds.Contains(s.Id) && !s.IsArchived).Select(s => new { s.Id, s.Name, s.Size }).ToListAsync(ct);
        var findings = CampaignRules.Validate(draft, shop.Value.Placements.Keys, creatives, found.Select(s => s.Id).ToHashSet());
        findings.AddRange(found.Where(s => !privacy.Value.Allows(s.Size)).Select(s => new CampaignFinding(
            "segments", $"\"{s.Name}\" has fewer than {privacy.Value.MinSegmentSize} shoppers; segments that small cannot be targeted.")));
        if (findings.Count > 0)
        {
            throw new CampaignRuleException("The campaign is not valid yet.", findings);
        }
    }

    private static async Task ApplyAsync(AdStudioDb db, Campaign campaign, CampaignDraft draft, CancellationToken ct)
    {
        campaign.Name = draft.Name.Trim();
        campaign.Objective = draft.Objective;
        campaign.BidType = draft.BidType;
        campaign.Bid = draft.Bid;
        campaign.DailyBudget = draft.DailyBudget;
        campaign.TotalBudget = draft.TotalBudget;
        campaign.StartsAt = draft.StartsAt;
        campaign.EndsAt = draft.EndsAt;
        campaign.Dayparting = draft.Dayparting ?? "";
        campaign.FrequencyCapPerDay = draft.FrequencyCapPerDay;
        campaign.Placements = string.Join(",", draft.Placements.Distinct());
        var wanted = draft.CreativeIds.Distinct().ToList();
        campaign.Creatives.RemoveAll(cr => !wanted.Contains(cr.Id));
        var missing = wanted.Where(id => campaign.Creatives.All(cr => cr.Id != id)).ToList();
        campaign.Creatives.AddRange(await db.Creatives.Where(cr => missing.Contains(cr.Id)).ToListAsync(ct));
        campaign.Targets.Clear();
        campaign.Targets.AddRange(draft.IncludeSegments.Distinct().Select(s => new CampaignTarget { SegmentId = s, Exclude = false }));
        campaign.Targets.AddRange(draft.ExcludeSegments.Distinct().Select(s => new CampaignTarget { SegmentId = s, Exclude = true }));
    }

    private static async Task<Campaign> FindAsync(AdStudioDb db, int id, CancellationToken ct) =>
        await db.Campaigns.Include(c => c.Creatives).Include(c => c.Targets).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new KeyNotFoundException($"There is no campaign {id}.");

    private static string Summary(Campaign campaign) =>
        $"{campaign.BidType.ToString().ToUpperInvariant()} {campaign.Bid:0.##}, daily {campaign.DailyBudget:0.##}, total {campaign.TotalBudget:0.##}, {campaign.Creatives.Count} creative(s), cap {campaign.FrequencyCapPerDay?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
