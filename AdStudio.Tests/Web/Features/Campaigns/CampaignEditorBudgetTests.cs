using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Privacy;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Campaigns;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdStudio.Tests.Web.Features.Campaigns;

public sealed class CampaignEditorBudgetTests : IAsyncLifetime
{
    private BunitContext _ui = null!;
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var shop = TestShop.With("sidebar");
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
            services.AddSingleton(Options.Create(shop));
            services.AddSingleton(Options.Create(new CreativeOptions()));
            services.AddSingleton(Options.Create(new AdStudio.Core.Privacy.PrivacyOptions()));
            services.AddSingleton<CampaignService>();
        });
        await using var db = _db.Open();
        await ShopData.AddCampaignAsync(db, 1, "Existing");
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<IRenderedComponent<CampaignEditor>> SaveWithBudgetsAsync(double? daily, double? total)
    {
        var cut = _ui.Render<CampaignEditor>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='campaign-save']")));
        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("Budget check"));
        var budgets = cut.FindComponents<MudNumericField<double?>>();
        await cut.InvokeAsync(() => budgets[0].Instance.ValueChanged.InvokeAsync(daily));
        await cut.InvokeAsync(() => budgets[1].Instance.ValueChanged.InvokeAsync(total));
        cut.Find("button[data-testid='campaign-save']").Click();
        return cut;
    }

    private static string? FieldError(IRenderedComponent<CampaignEditor> cut, string field) => cut.Find($"[data-field='{field}']").GetAttribute("data-error");

    private async Task AssertNothingSavedAsync()
    {
        await using var db = _db.Open();
        Assert.Equal(0, await db.Campaigns.CountAsync(c => c.Name == "Budget check"));
    }

    [Theory]
    [InlineData(-5.0, "dailyBudget")]
    [InlineData(0.0, "dailyBudget")]
    public async Task Save_ZeroOrNegativeDailyBudget_ShowsFieldErrorAndSavesNothing(double daily, string field)
    {
        var cut = await SaveWithBudgetsAsync(daily, 300);

        cut.WaitForAssertion(() => Assert.Contains("daily budget must be more than 0", FieldError(cut, field), StringComparison.Ordinal));
        Assert.Null(FieldError(cut, "totalBudget"));
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Save_ZeroTotalBudget_ShowsErrorOnTheTotalField()
    {
        var cut = await SaveWithBudgetsAsync(10, 0);

        cut.WaitForAssertion(() => Assert.Contains("total budget must be more than 0", FieldError(cut, "totalBudget"), StringComparison.Ordinal));
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Save_EmptyBudget_SaysItIsMissingRatherThanZero()
    {
        var cut = await SaveWithBudgetsAsync(null, 300);

        cut.WaitForAssertion(() => Assert.Contains("Enter a daily budget", FieldError(cut, "dailyBudget"), StringComparison.Ordinal));
        Assert.DoesNotContain("(it is 0)", cut.Find("[data-testid='campaign-errors']").TextContent, StringComparison.Ordinal);
        await AssertNothingSavedAsync();
    }
}
