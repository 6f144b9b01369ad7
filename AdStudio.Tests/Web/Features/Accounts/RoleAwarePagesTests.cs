using AdStudio.Core.Accounts;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Privacy;
using AdStudio.Core.Reporting;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Campaigns;
using AdStudio.Web.Features.Creatives;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Accounts;

/// <summary>The feature pages show each role only the controls it may use (the server checks regardless).</summary>
public sealed class RoleAwarePagesTests : IAsyncLifetime
{
    private static readonly string[] CampaignEditControls = ["edit-campaign", "campaign-activate", "campaign-end", "campaign-duplicate"];
    private TestDatabase _db = null!;
    private int _campaignId;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.Open();
        var (campaign, _) = await ShopData.AddCampaignAsync(db, 1, "Role test");
        campaign.Status = CampaignStatus.Draft;
        await db.SaveChangesAsync();
        _campaignId = campaign.Id;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private BunitContext Ui(params string[] roles) => UiTestContext.Create(
        services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
            services.AddSingleton(new DataPaths(_db.Directory));
            services.AddSingleton(Options.Create(new ServingOptions()));
            services.AddSingleton(TestShop.Options());
            services.AddSingleton(Options.Create(new CreativeOptions()));
            services.AddSingleton(Options.Create(new AdStudio.Core.Privacy.PrivacyOptions()));
            services.AddSingleton<IFileStore>(sp => new LocalFileStore(sp.GetRequiredService<DataPaths>()));
            services.AddSingleton<CreativeStore>();
            services.AddSingleton<CreativeService>();
            services.AddSingleton<CampaignService>();
            services.AddSingleton<KpiQuery>();
        },
        roles);

    private static Creative Pending(string? lastEditedBy) => new()
    {
        Id = 1,
        Name = "Pending",
        Headline = "h",
        LandingUrl = "https://shop.example",
        Category = "books",
        ImageUrl = "/x.png",
        Status = CreativeStatus.PendingReview,
        LastEditedBy = lastEditedBy,
    };

    [Fact]
    public async Task CampaignPage_Analyst_SeesNoEditControls()
    {
        await using var ui = Ui(Roles.Analyst);

        var cut = ui.Render<CampaignPage>(p => p.Add(c => c.Id, _campaignId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='campaign-status']")));
        Assert.All(CampaignEditControls, id => Assert.Empty(cut.FindAll($"[data-testid='{id}']")));
    }

    [Fact]
    public async Task CampaignPage_Marketer_SeesTheEditControls()
    {
        await using var ui = Ui(Roles.Marketer);

        var cut = ui.Render<CampaignPage>(p => p.Add(c => c.Id, _campaignId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='campaign-status']")));
        Assert.All(CampaignEditControls, id => Assert.Single(cut.FindAll($"[data-testid='{id}']")));
    }

    [Fact]
    public async Task ReviewPanel_Reviewer_SeesApproveAndReject()
    {
        await using var ui = Ui(Roles.Reviewer);

        var cut = ui.Render<ReviewPanel>(p => p.Add(c => c.Creative, Pending("someone-else@adstudio.test")));

        Assert.False(cut.Find("[data-testid='approve']").HasAttribute("disabled"));
        Assert.NotNull(cut.Find("[data-testid='reject']"));
        Assert.Empty(cut.FindAll("[data-testid='four-eyes']"));
        Assert.Empty(cut.FindAll("[data-testid='reviewer']"));
    }

    [Fact]
    public async Task ReviewPanel_ReviewerWhoEditedItLast_SeesWhyAndDisabledButtons()
    {
        await using var ui = Ui(Roles.Reviewer, Roles.Marketer);

        var cut = ui.Render<ReviewPanel>(p => p.Add(c => c.Creative, Pending(UiTestContext.UserEmail)));

        Assert.NotNull(cut.Find("[data-testid='four-eyes']"));
        Assert.True(cut.Find("[data-testid='approve']").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Marketer)]
    public async Task ReviewPanel_WithoutTheReviewRole_ShowsNoReviewControls(string role)
    {
        await using var ui = Ui(role);

        var cut = ui.Render<ReviewPanel>(p => p.Add(c => c.Creative, Pending(null)));

        Assert.Empty(cut.FindAll("[data-testid='approve']"));
        Assert.NotNull(cut.Find("[data-testid='awaiting-review']"));
    }

    [Fact]
    public async Task CopyEditor_Analyst_HasNoSaveButton()
    {
        await using var ui = Ui(Roles.Analyst);
        var draft = Pending(null);
        draft.Status = CreativeStatus.Draft;

        var cut = ui.Render<CopyEditor>(p => p.Add(c => c.Creative, draft));

        Assert.Empty(cut.FindAll("[data-testid='copy-save']"));
    }
}
