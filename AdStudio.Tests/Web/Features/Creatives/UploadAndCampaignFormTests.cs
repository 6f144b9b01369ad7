using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Privacy;
using AdStudio.Core.Serving;
using AdStudio.Tests.Core.Creatives;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Campaigns;
using AdStudio.Web.Features.Creatives;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdStudio.Tests.Web.Features.Creatives;

public sealed class UploadAndCampaignFormTests : IAsyncLifetime
{
    private static readonly DateTime Today = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
    private BunitContext _ui = null!;
    private TestDatabase _db = null!;
    private int _approvedCreative;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var shop = TestShop.With("sidebar");
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(Today.AddHours(9))));
            services.AddSingleton(new DataPaths(_db.Directory));
            services.AddSingleton(Options.Create(shop));
            services.AddSingleton(Options.Create(new CreativeOptions()));
            services.AddSingleton(Options.Create(new AdStudio.Core.Privacy.PrivacyOptions()));
            services.AddSingleton<IFileStore>(sp => new LocalFileStore(sp.GetRequiredService<DataPaths>()));
            services.AddSingleton<CreativeStore>();
            services.AddSingleton<CreativeService>();
            services.AddSingleton<CampaignService>();
        });
        await using var db = _db.Open();
        var (_, creatives) = await ShopData.AddCampaignAsync(db, 1, "Existing");
        creatives[0].Status = CreativeStatus.Approved;
        await db.SaveChangesAsync();
        _approvedCreative = creatives[0].Id;
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task UploadPanel_MixedFiles_StoresNothingAndExplainsEachFile()
    {
        var uploaded = 0;
        var cut = _ui.Render<UploadPanel>(p => p.Add(c => c.Uploaded, () => uploaded++));

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestImages.Png(), "banner.png", contentType: "image/png"),
            InputFileContent.CreateFromText("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "logo.png", contentType: "image/png"),
            InputFileContent.CreateFromBinary(TestImages.Png(500, 500), "square.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Equal(1, uploaded));
        Assert.Contains("not stored", cut.Find("[data-upload-item='banner.png']").TextContent, StringComparison.Ordinal);
        Assert.Contains("SVG is not accepted", cut.Find("[data-upload-item='logo.png']").TextContent, StringComparison.Ordinal);
        Assert.Contains("fits no placement", cut.Find("[data-upload-item='square.png']").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 of 3 file(s) were refused; nothing was stored", cut.Find("[data-testid='upload-summary']").TextContent, StringComparison.Ordinal);
        await using var db = _db.Open();
        Assert.Equal(1, await db.Creatives.CountAsync());
    }

    [Fact]
    public async Task UploadPanel_GoodFiles_StoresAllAsDrafts()
    {
        var uploaded = 0;
        var cut = _ui.Render<UploadPanel>(p => p.Add(c => c.Uploaded, () => uploaded++));

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestImages.Png(), "banner.png", contentType: "image/png"),
            InputFileContent.CreateFromBinary(TestImages.Png(), "again.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Equal(1, uploaded));
        Assert.Contains("uploaded as a draft", cut.Find("[data-upload-item='banner.png']").TextContent, StringComparison.Ordinal);
        Assert.Contains("uploaded as a draft", cut.Find("[data-upload-item='again.png']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid='upload-summary']"));
        await using var db = _db.Open();
        Assert.Equal(2, await db.Creatives.CountAsync(c => c.Status == CreativeStatus.Draft));
    }

    [Fact]
    public async Task CampaignEditor_DailyAboveTotal_ShowsFieldErrorAndSavesNothing()
    {
        var cut = _ui.Render<CampaignEditor>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='campaign-save']")));

        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("Winter"));
        var daily = cut.FindComponents<MudNumericField<double?>>()[0];
        await cut.InvokeAsync(() => daily.Instance.ValueChanged.InvokeAsync(500.0));
        cut.Find("button[data-testid='campaign-save']").Click();

        cut.WaitForAssertion(() => Assert.Contains("cannot exceed the total budget", cut.Find("[data-testid='campaign-errors']").TextContent, StringComparison.Ordinal));
        await using var db = _db.Open();
        Assert.Equal(1, await db.Campaigns.CountAsync());
    }

    [Fact]
    public async Task CampaignEditor_ValidForm_CreatesDraftAndOpensIt()
    {
        var cut = _ui.Render<CampaignEditor>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='campaign-save']")));

        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("Winter reading"));
        var creatives = cut.FindComponents<MudSelect<int>>()[0];
        await cut.InvokeAsync(() => creatives.Instance.SelectedValuesChanged.InvokeAsync([_approvedCreative]));
        cut.Find("[data-hour='0']").Click();
        cut.Find("button[data-testid='campaign-save']").Click();

        var navigation = _ui.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches("/campaigns/[0-9]+$", navigation.Uri));
        await using var db = _db.Open();
        var created = await db.Campaigns.Include(c => c.Creatives).SingleAsync(c => c.Name == "Winter reading");
        Assert.Equal(CampaignStatus.Draft, created.Status);
        Assert.Equal([_approvedCreative], created.Creatives.Select(c => c.Id));
        Assert.Equal('0', created.Dayparting[0]);
        Assert.Equal(167, created.Dayparting.Count(c => c == '1'));
    }
}
