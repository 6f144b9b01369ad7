using AdStudio.Core.Privacy;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Shoppers;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Segments;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdStudio.Tests.Web.Features.Segments;

public sealed class SegmentBuilderTests : IAsyncLifetime
{
    private BunitContext _ui = null!;
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using (var db = _db.Open())
        {
            for (var i = 0; i < 200; i++)
            {
                db.Shoppers.Add(new Shopper { Id = $"s{i:D3}", AllowsPersonalisation = true, AllowsMeasurement = true, Region = i % 2 == 0 ? "north" : "south" });
                db.Profiles.Add(new ShopperProfile { ShopperId = $"s{i:D3}", Spend90d = i, InterestsJson = "{\"books\":1}", TopCategories = "books" });
            }

            await db.SaveChangesAsync();
        }

        var clock = new FixedClock(DateTimeOffset.UtcNow);
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(Options.Create(new PrivacyOptions { MinSegmentSize = 50 }));
            services.AddSingleton<AudienceLoader>();
            services.AddSingleton<AudienceIndex>();
            services.AddSingleton<SegmentService>();
        });
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static string Estimate(IRenderedComponent<SegmentBuilder> cut) => cut.Find("[data-testid='segment-estimate']").TextContent.Trim();

    [Fact]
    public async Task Builder_EditingTheValue_UpdatesTheEstimateLive()
    {
        var cut = _ui.Render<SegmentBuilder>();
        // Default rule: spend_90d ≥ 100 → shoppers 100…199.
        cut.WaitForAssertion(() => Assert.Equal("100", Estimate(cut)));

        var value = cut.FindComponent<MudNumericField<double>>();
        await cut.InvokeAsync(() => value.Instance.ValueChanged.InvokeAsync(180));

        cut.WaitForAssertion(() => Assert.Equal("< 50", Estimate(cut)));
        await cut.InvokeAsync(() => cut.FindComponent<MudNumericField<double>>().Instance.ValueChanged.InvokeAsync(20));
        cut.WaitForAssertion(() => Assert.Equal("180", Estimate(cut)));
    }

    [Fact]
    public async Task Builder_AddOrGroup_CombinesConditions()
    {
        var cut = _ui.Render<SegmentBuilder>();
        cut.WaitForAssertion(() => Assert.Equal("100", Estimate(cut)));

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<bool>>()[0].Instance.ValueChanged.InvokeAsync(true));
        cut.Find("[data-testid='add-condition']").Click();
        // Selects in order: condition 1 field, its operator, condition 2 field, its operator (wait for the new row's render).
        cut.WaitForState(() => cut.FindComponents<MudSelect<string>>().Count >= 4);
        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[2].Instance.ValueChanged.InvokeAsync("region"));
        cut.WaitForState(() => cut.FindComponents<MudTextField<string>>().Count > 0);
        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>()[^1].Instance.ValueChanged.InvokeAsync("north"));

        // spend ≥ 100 OR region north: 100 + 50 of the first hundred.
        cut.WaitForAssertion(() => Assert.Equal("150", Estimate(cut)));
    }

    [Fact]
    public async Task Builder_SwitchingTheField_ResetsOperatorAndValueToValidOnes()
    {
        var cut = _ui.Render<SegmentBuilder>();
        cut.WaitForAssertion(() => Assert.Equal("100", Estimate(cut)));

        // spend ≥ 100 becomes interest in books ≥ 0.3 (every shopper), not interest ≥ 100 (nobody).
        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[0].Instance.ValueChanged.InvokeAsync("interest"));
        cut.WaitForAssertion(() => Assert.Equal("200", Estimate(cut)));
        Assert.Empty(cut.FindAll("[data-testid='segment-errors']"));

        // …then region in [north], a value shoppers have, rather than an empty list.
        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()[0].Instance.ValueChanged.InvokeAsync("region"));
        cut.WaitForAssertion(() => Assert.Equal("100", Estimate(cut)));
        Assert.Empty(cut.FindAll("[data-testid='segment-errors']"));
        Assert.Contains("north, south", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Builder_SaveWithoutName_ShowsMessage_SaveWithName_StoresAndOpensSegment()
    {
        var cut = _ui.Render<SegmentBuilder>();
        cut.WaitForAssertion(() => Assert.Equal("100", Estimate(cut)));

        cut.Find("button[data-testid='segment-save']").Click();
        cut.WaitForAssertion(() => Assert.Contains("name", cut.Find("[data-testid='segment-errors']").TextContent, StringComparison.Ordinal));

        await cut.InvokeAsync(() => cut.FindComponents<MudTextField<string>>()[0].Instance.ValueChanged.InvokeAsync("Big spenders"));
        cut.Find("button[data-testid='segment-save']").Click();

        var navigation = _ui.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches("/segments/[0-9]+$", navigation.Uri));
        await using var db = _db.Open();
        var saved = await db.Segments.SingleAsync();
        Assert.Equal(("Big spenders", 100), (saved.Name, saved.Size));
        Assert.Equal(100, await db.SegmentMembers.CountAsync());
    }
}
