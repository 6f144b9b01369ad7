using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Privacy;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Campaigns;

public sealed class CampaignServiceTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private TestDatabase _db = null!;
    private CampaignService _service = null!;
    private int[] _creatives = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var shop = TestShop.With("sidebar");
        _service = new CampaignService(_db.Factory, Options.Create(shop), Options.Create(new PrivacyOptions()), new FixedClock(new DateTimeOffset(Now)));
        await using var db = _db.Open();
        var (_, creatives) = await ShopData.AddCampaignAsync(db, 2, "Existing");
        creatives[0].Status = CreativeStatus.Approved;
        await db.SaveChangesAsync();
        _creatives = [.. creatives.Select(c => c.Id)];
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private CampaignDraft Draft(int[]? creatives = null) => new(
        "Winter books", CampaignObjective.Conversions, BidType.Cpc, 0.6, 10, 200, Now, Now.AddDays(30), Dayparting.Daily(8, 22), 3,
        ["sidebar"], creatives ?? _creatives, [], []);

    [Fact]
    public async Task Lifecycle_CreateActivatePauseResumeEnd_FollowsTheRules()
    {
        var campaign = await _service.CreateAsync(Draft(), "maria", CancellationToken.None);

        await _service.ActivateAsync(campaign.Id, "maria", CancellationToken.None);
        await _service.PauseAsync(campaign.Id, "maria", CancellationToken.None);
        await _service.ActivateAsync(campaign.Id, "maria", CancellationToken.None);
        await _service.EndAsync(campaign.Id, "jon", CancellationToken.None);

        await using var db = _db.Open();
        var stored = await db.Campaigns.Include(c => c.Creatives).SingleAsync(c => c.Id == campaign.Id);
        Assert.Equal(CampaignStatus.Ended, stored.Status);
        Assert.Equal(3, stored.FrequencyCapPerDay);
        Assert.Equal(2, stored.Creatives.Count);
        var history = await _service.HistoryAsync(campaign.Id, CancellationToken.None);
        Assert.Equal(["ended", "activated", "paused", "activated", "created"], history.Select(h => h.Action));
        await Assert.ThrowsAsync<CampaignRuleException>(() => _service.UpdateAsync(campaign.Id, Draft(), "maria", CancellationToken.None));
    }

    [Fact]
    public async Task Activate_WithoutApprovedCreative_IsRefused()
    {
        var campaign = await _service.CreateAsync(Draft([_creatives[1]]), "maria", CancellationToken.None);

        var error = await Assert.ThrowsAsync<CampaignRuleException>(() => _service.ActivateAsync(campaign.Id, "maria", CancellationToken.None));

        Assert.Contains(error.Findings, f => f.Field == "creativeIds" && f.Message.Contains("approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Activate_LegacyCampaignWithoutBudget_IsRefused()
    {
        // Saved before budgets were checked on save: the activation check still guards such rows.
        var campaign = await _service.CreateAsync(Draft(), "maria", CancellationToken.None);
        await using (var db = _db.Open())
        {
            await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.DailyBudget, 0).SetProperty(c => c.TotalBudget, 0));
        }

        var error = await Assert.ThrowsAsync<CampaignRuleException>(() => _service.ActivateAsync(campaign.Id, "maria", CancellationToken.None));

        Assert.Contains(error.Findings, f => f.Field == "dailyBudget");
    }

    [Theory]
    [InlineData(0, 200, "dailyBudget")]
    [InlineData(-5, 200, "dailyBudget")]
    [InlineData(10, 0, "totalBudget")]
    [InlineData(10, -0.01, "totalBudget")]
    public async Task Create_ZeroOrNegativeBudget_IsRefusedOnSaveNamingTheField(double daily, double total, string field)
    {
        var error = await Assert.ThrowsAsync<CampaignRuleException>(() => _service.CreateAsync(Draft() with { DailyBudget = daily, TotalBudget = total }, "maria", CancellationToken.None));

        Assert.Contains(error.Findings, f => f.Field == field && f.Message.Contains("more than 0", StringComparison.Ordinal));
        await using var db = _db.Open();
        Assert.Equal(1, await db.Campaigns.CountAsync());
    }

    [Fact]
    public async Task Duplicate_CopiesSettingsAsDraft()
    {
        var campaign = await _service.CreateAsync(Draft(), "maria", CancellationToken.None);
        await _service.ActivateAsync(campaign.Id, "maria", CancellationToken.None);

        var copy = await _service.DuplicateAsync(campaign.Id, "maria", CancellationToken.None);

        Assert.Equal(("Copy of Winter books", CampaignStatus.Draft, 2), (copy.Name, copy.Status, copy.Creatives.Count));
        Assert.Equal(Dayparting.Daily(8, 22), copy.Dayparting);
    }

    [Theory]
    [InlineData("endsAt")]
    [InlineData("dailyBudget")]
    [InlineData("dayparting")]
    [InlineData("frequencyCapPerDay")]
    [InlineData("placements")]
    [InlineData("creativeIds")]
    [InlineData("bid")]
    [InlineData("name")]
    public async Task Create_InvalidField_IsRefusedNamingIt(string field)
    {
        var draft = field switch
        {
            "endsAt" => Draft() with { EndsAt = Now.AddDays(-1) },
            "dailyBudget" => Draft() with { DailyBudget = 500, TotalBudget = 100 },
            "dayparting" => Draft() with { Dayparting = new string('0', 168) },
            "frequencyCapPerDay" => Draft() with { FrequencyCapPerDay = 0 },
            "placements" => Draft() with { Placements = ["popup"] },
            "creativeIds" => Draft([9999]),
            "bid" => Draft() with { Bid = -1 },
            _ => Draft() with { Name = " " },
        };

        var error = await Assert.ThrowsAsync<CampaignRuleException>(() => _service.CreateAsync(draft, "maria", CancellationToken.None));

        Assert.Contains(error.Findings, f => f.Field == field);
        await using var db = _db.Open();
        Assert.Equal(1, await db.Campaigns.CountAsync());
    }

    [Fact]
    public void Rules_SegmentIncludedAndExcluded_IsRefused()
    {
        var draft = Draft() with { IncludeSegments = [4], ExcludeSegments = [4] };

        var findings = CampaignRules.Validate(draft, ["sidebar"], _creatives.ToHashSet(), new HashSet<int> { 4 });

        Assert.Contains(findings, f => f.Field == "segments" && f.Message.Contains("both", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_TargetingSegmentBelowPrivacyThreshold_IsRefused()
    {
        int small;
        await using (var db = _db.Open())
        {
            var segment = new Segment { Name = "Tiny", Size = 12 };
            db.Segments.Add(segment);
            await db.SaveChangesAsync();
            small = segment.Id;
        }

        var error = await Assert.ThrowsAsync<CampaignRuleException>(() =>
            _service.CreateAsync(Draft() with { IncludeSegments = [small] }, "maria", CancellationToken.None));

        Assert.Contains(error.Findings, f => f.Field == "segments" && f.Message.Contains("fewer than 50", StringComparison.Ordinal));
    }
}
