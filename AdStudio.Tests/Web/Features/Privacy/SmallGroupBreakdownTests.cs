using AdStudio.Core.Campaigns;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Privacy;
using AdStudio.Core.Reporting;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Core.Shoppers;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Campaigns;
using AdStudio.Web.Features.Models;
using AdStudio.Web.Features.Segments;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Privacy;

/// <summary><c>Privacy:MinSegmentSize</c> on every breakdown that could single out a few shoppers (the small groups rule).</summary>
public sealed class SmallGroupBreakdownTests : IAsyncLifetime
{
    private const int MinSize = 5;
    private static readonly TimeSpan Loaded = TimeSpan.FromSeconds(10);
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private BunitContext _ui = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton(new DataPaths(_db.Directory));
            services.AddSingleton(Options.Create(new ServingOptions()));
            services.AddSingleton(TestShop.Options());
            services.AddSingleton(Options.Create(new PrivacyOptions { MinSegmentSize = MinSize }));
            services.AddSingleton(new AudienceIndex(new AudienceLoader(_db.Factory), _clock));
            services.AddSingleton<SegmentService>();
            services.AddSingleton<CampaignService>();
            services.AddSingleton<KpiQuery>();
        });
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task PredictedAudience_FewerShoppersThanTheMinimum_ShowsNoCountsAndNoMembers()
    {
        // Arrange
        int campaignId;
        await using (var db = _db.Open())
        {
            var (campaign, creatives) = await ShopData.AddCampaignAsync(db, 1);
            campaignId = campaign.Id;
            db.CampaignAudiences.Add(new CampaignAudience
            {
                CampaignId = campaign.Id,
                ScoredAt = _clock.Now.UtcDateTime,
                CtrModelId = 1,
                Shoppers = MinSize - 1,
                Threshold = 0.02,
                AboveThreshold = 2,
                ExpectedClicks = 0.4,
                Members = [new() { Rank = 1, ShopperId = "only-one", CreativeId = creatives[0].Id, ClickProbability = 0.1 }],
            });
            await db.SaveChangesAsync();
        }

        // Act
        var cut = _ui.Render<PredictedAudiencePanel>(p => p.Add(c => c.CampaignId, campaignId));

        // Assert
        Assert.Equal($"< {MinSize}", cut.WaitForElement("[data-testid='scored-shoppers']", Loaded).TextContent.Trim());
        Assert.Equal($"< {MinSize}", cut.Find("[data-testid='likely-clickers']").TextContent.Trim());
        Assert.Equal("—", cut.Find("[data-testid='expected-clicks']").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid='audience-members-hidden']"));
        Assert.Empty(cut.FindAll("[data-testid='audience-members'] tbody tr"));
        Assert.DoesNotContain("only-one", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentList_SmallAndLargeSegments_ShowsOnlyTheLargeSize()
    {
        // Arrange
        await using (var db = _db.Open())
        {
            db.Segments.AddRange(
                new Segment { Name = "A small", RuleJson = "{}", Size = MinSize - 1 },
                new Segment { Name = "B large", RuleJson = "{}", Size = 1234 });
            await db.SaveChangesAsync();
        }

        // Act
        var cut = _ui.Render<AdStudio.Web.Features.Segments.Segments>();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal([$"< {MinSize}", "1,234"], cut.FindAll("[data-testid='segment-size']").Select(c => c.TextContent.Trim())), Loaded);
    }

    [Fact]
    public async Task CampaignAudience_TargetsASmallSegment_ShowsNoExactSize()
    {
        // Arrange
        int campaignId;
        await using (var db = _db.Open())
        {
            var (campaign, _) = await ShopData.AddCampaignAsync(db, 1);
            var small = new Segment { Name = "Tiny", RuleJson = "{}", Size = 2 };
            db.Segments.Add(small);
            await db.SaveChangesAsync();
            campaign.Targets.Add(new CampaignTarget { CampaignId = campaign.Id, SegmentId = small.Id });
            await db.SaveChangesAsync();
            campaignId = campaign.Id;
        }

        // Act
        var cut = _ui.Render<CampaignPage>(p => p.Add(c => c.Id, campaignId));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal($"< {MinSize}", cut.Find("[data-testid='target-size']").TextContent.Trim()), Loaded);
    }

    [Fact]
    public async Task SegmentSample_MemberWithdrewPersonalisation_IsNotListed()
    {
        // Arrange: a segment large enough to show, one of whose members withdrew after it was materialised.
        int segmentId;
        await using (var db = _db.Open())
        {
            var ids = Enumerable.Range(0, MinSize + 1).Select(i => $"s{i:00}").ToList();
            db.Shoppers.AddRange(ids.Select(id => new Shopper { Id = id, AllowsPersonalisation = id != "s00", AllowsMeasurement = true }));
            var segment = new Segment { Name = "Readers", RuleJson = "{}", Size = ids.Count };
            db.Segments.Add(segment);
            await db.SaveChangesAsync();
            db.SegmentMembers.AddRange(ids.Select(id => new SegmentMember { SegmentId = segment.Id, ShopperId = id }));
            await db.SaveChangesAsync();
            segmentId = segment.Id;
        }

        // Act
        var cut = _ui.Render<SegmentPage>(p => p.Add(c => c.Id, segmentId));

        // Assert: the sample lists masked ids.
        var pseudonyms = _ui.Services.GetRequiredService<ShopperPseudonyms>();
        cut.WaitForAssertion(() => Assert.Contains(pseudonyms.Mask("s01"), cut.Find("[data-testid='segment-sample']").TextContent, StringComparison.Ordinal), Loaded);
        Assert.DoesNotContain(pseudonyms.Mask("s00"), cut.Find("[data-testid='segment-sample']").TextContent, StringComparison.Ordinal);
    }
}
