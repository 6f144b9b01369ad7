using AdStudio.Core.Modeling.Scoring;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Models;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Models;

public sealed class PredictedAudiencePanelTests : IAsyncLifetime
{
    private BunitContext _ui = null!;
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _ui = UiTestContext.Create(services => services.AddSingleton(_db.Factory));
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Panel_BeforeScoring_ExplainsWhenTheAudienceAppears()
    {
        await using var db = _db.Open();
        var (campaign, _) = await ShopData.AddCampaignAsync(db, 1);

        var cut = _ui.Render<PredictedAudiencePanel>(p => p.Add(c => c.CampaignId, campaign.Id));

        Assert.Contains("Not scored yet", cut.Find("[data-testid='predicted-audience-empty']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_AfterScoring_ShowsCountsAndTheBestShoppersInRankOrder()
    {
        await using (var db = _db.Open())
        {
            var (campaign, creatives) = await ShopData.AddCampaignAsync(db, 1);
            db.CampaignAudiences.Add(new CampaignAudience
            {
                CampaignId = campaign.Id,
                ScoredAt = new DateTime(2026, 11, 23, 9, 15, 0, DateTimeKind.Utc),
                CtrModelId = 4,
                Shoppers = 12_345,
                Threshold = 0.02,
                AboveThreshold = 2_100,
                ExpectedClicks = 185.2,
                ExpectedValue = 90,
                Members =
                [
                    new() { Rank = 2, ShopperId = "second", CreativeId = creatives[0].Id, ClickProbability = 0.05, ConversionProbability = 0.1, ExpectedValue = 0.02 },
                    new() { Rank = 1, ShopperId = "first", CreativeId = creatives[0].Id, ClickProbability = 0.08, ConversionProbability = 0.1, ExpectedValue = 0.03 },
                ],
            });
            await db.SaveChangesAsync();
            var cut = _ui.Render<PredictedAudiencePanel>(p => p.Add(c => c.CampaignId, campaign.Id));

            // The panel loads after its first render (a database round trip on PostgreSQL).
            Assert.Equal("12,345", cut.WaitForElement("[data-testid='scored-shoppers']", TimeSpan.FromSeconds(10)).TextContent.Trim());
            Assert.Equal("2,100", cut.Find("[data-testid='likely-clickers']").TextContent.Trim());
            Assert.Contains("CTR model #4", cut.Markup, StringComparison.Ordinal);
            var rows = cut.FindAll("[data-testid='audience-members'] tbody tr");
            Assert.Equal([UiTestContext.Pseudonyms.Mask("first"), UiTestContext.Pseudonyms.Mask("second")], rows.Select(r => r.Children[1].TextContent));
            Assert.DoesNotContain(">first<", cut.Markup, StringComparison.Ordinal);
        }
    }
}
