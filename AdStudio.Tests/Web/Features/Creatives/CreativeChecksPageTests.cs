using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Images;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Creatives;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Features.Creatives;

/// <summary>The creative page's copy checks on save and as typed, the placement's headline limit, and the placement preview.</summary>
public sealed class CreativeChecksPageTests : IAsyncLifetime
{
    private BunitContext _ui = null!;
    private TestDatabase _db = null!;
    private CreativeService _service = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var shop = TestShop.With("sidebar", "mobile");
        var creatives = new CreativeOptions
        {
            ForbiddenPhrases = ["guaranteed"],
            CopyLimits = new()
            {
                ["sidebar"] = new() { Headline = 40, Body = 90 },
                ["mobile"] = new() { Headline = 25, Body = 0 },
            },
        };
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
            services.AddSingleton(new DataPaths(_db.Directory));
            services.AddSingleton(Options.Create(shop));
            services.AddSingleton(Options.Create(creatives));
            services.AddSingleton<IFileStore>(sp => new LocalFileStore(sp.GetRequiredService<DataPaths>()));
            services.AddSingleton<CreativeStore>();
            services.AddSingleton<CreativeService>();
        });
        _service = _ui.Services.GetRequiredService<CreativeService>();
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<Creative> AddAsync(int width, int height, string headline = "Fresh reads", string landing = "https://shop.example/books", string body = "")
    {
        var creative = new Creative
        {
            Name = $"Creative {width}×{height}",
            Headline = headline,
            Body = body,
            LandingUrl = landing,
            Category = "books",
            ImageUrl = "/demo/books.png",
            Width = width,
            Height = height,
            Status = CreativeStatus.Draft,
        };
        await using var db = _db.Open();
        db.Creatives.Add(creative);
        await db.SaveChangesAsync();
        return creative;
    }

    private static void Type<T>(IRenderedComponent<T> cut, string testId, string text)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"input[data-testid={testId}], [data-testid={testId}] input, textarea[data-testid={testId}], [data-testid={testId}] textarea").Input(text);

    [Fact]
    public async Task CopyEditor_PlacementChanges_HeadlineCounterFollowsItsLimit()
    {
        var sidebar = await AddAsync(300, 250);
        var mobile = await AddAsync(320, 50);

        var cut = _ui.Render<CopyEditor>(p => p.Add(c => c.Creative, sidebar));

        var field = cut.Find("[data-testid=headline-field]");
        Assert.Equal(("40", "sidebar"), (field.GetAttribute("data-limit"), field.GetAttribute("data-placement")));
        Assert.Contains("11 / 40", field.TextContent, StringComparison.Ordinal);

        cut.Render(p => p.Add(c => c.Creative, mobile));

        field = cut.Find("[data-testid=headline-field]");
        Assert.Equal(("25", "mobile"), (field.GetAttribute("data-limit"), field.GetAttribute("data-placement")));
        Assert.Contains("11 / 25", field.TextContent, StringComparison.Ordinal);
        Assert.Contains("mobile placement shows up to 25 characters", field.TextContent, StringComparison.Ordinal);
        Assert.Contains("shows no body text", cut.Find("[data-testid=body-field]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_ForbiddenClaim_SavesDraftAndShowsTheProblemWithItsLabel()
    {
        var creative = await AddAsync(300, 250);
        var cut = _ui.Render<CreativePage>(p => p.Add(c => c.Id, creative.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=copy-save]")));

        Type(cut, "copy-headline", "Guaranteed page-turners");
        await cut.Find("[data-testid=copy-save]").ClickAsync(new());

        var message = cut.Find("[data-testid=copy-message]").TextContent;
        Assert.Contains("Saved as a draft", message, StringComparison.Ordinal);
        Assert.Contains("Headline: \"guaranteed\"", message, StringComparison.Ordinal);
        Assert.Contains("Headline: \"guaranteed\"", cut.Find("[data-testid=review-notes]").TextContent, StringComparison.Ordinal);
        await using var db = _db.Open();
        var stored = await db.Creatives.SingleAsync(c => c.Id == creative.Id);
        Assert.Equal(("Guaranteed page-turners", CreativeStatus.Draft), (stored.Headline, stored.Status));
        Assert.StartsWith("Headline: ", stored.ReviewNotes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveCopy_ThroughTheService_ReturnsTheProblemsAndSubmitStillRefuses()
    {
        var creative = await AddAsync(300, 250);

        var saved = await _service.SaveCopyAsync(
            creative.Id, new CreativeCopy("Spring", "Guaranteed page-turners", null, null, "https://shop.example/books", "books", null, 0), "maria", CancellationToken.None);
        var findings = await _service.SubmitAsync(creative.Id, "maria", CancellationToken.None);

        Assert.Equal("headline", Assert.Single(saved.Problems).Field);
        Assert.Equal(CreativeStatus.Draft, saved.Creative.Status);
        Assert.Equal("headline", Assert.Single(findings).Field);
    }

    [Fact]
    public async Task ReviewNotes_AfterFailedSubmit_UseFieldLabelsAndDisappearAsEachIsFixed()
    {
        var creative = await AddAsync(300, 250, headline: "Guaranteed page-turners", landing: "");
        await _service.SubmitAsync(creative.Id, "maria", CancellationToken.None);
        var cut = _ui.Render<CreativePage>(p => p.Add(c => c.Id, creative.Id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=review-notes]")));

        var notes = cut.Find("[data-testid=review-notes]").TextContent;
        Assert.Contains("Headline: ", notes, StringComparison.Ordinal);
        Assert.Contains("Landing page: ", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("landingUrl", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("headline:", notes, StringComparison.Ordinal);

        Type(cut, "copy-headline", "Fresh page-turners");

        // The notes re-render after the page re-checks the copy, which may finish after the input event returns.
        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("[data-testid=review-notes] [data-note-field=headline]"));
            Assert.NotEmpty(cut.FindAll("[data-testid=review-notes] [data-note-field=landingUrl]"));
        });

        Type(cut, "copy-landing", "https://shop.example/books");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=review-notes]")));
    }

    [Fact]
    public async Task Preview_Sidebar_IsABoxOfItsSizeWithTheHeadlineCutAtTheLimit()
    {
        var creative = await AddAsync(300, 250, headline: new string('a', 30) + " and more words here", body: "New titles weekly");

        var cut = _ui.Render<CreativePreview>(p => p.Add(c => c.Creative, creative));

        // The placement is looked up after the first render (a database round trip on PostgreSQL).
        cut.WaitForAssertion(() => Assert.NotEqual("", cut.Find("[data-testid=preview-ad]").GetAttribute("data-placement")), TimeSpan.FromSeconds(10));
        var ad = cut.Find("[data-testid=preview-ad]");
        Assert.Equal(("sidebar", "300", "250"), (ad.GetAttribute("data-placement"), ad.GetAttribute("data-width"), ad.GetAttribute("data-height")));
        Assert.Contains("max-width:300px", ad.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("aspect-ratio:300/250", ad.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("ad-box", ad.ClassName, StringComparison.Ordinal);
        var headline = cut.Find("[data-testid=preview-headline]").TextContent;
        Assert.Equal(40, headline.Length);
        Assert.EndsWith("…", headline, StringComparison.Ordinal);
        Assert.Equal("New titles weekly", cut.Find("[data-testid=preview-body]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=preview-ad] img[src='/demo/books.png']"));
    }

    [Fact]
    public async Task Preview_Mobile_IsABannerWithoutBody()
    {
        var creative = await AddAsync(320, 50, headline: "Fresh reads", body: "Not shown on mobile");

        var cut = _ui.Render<CreativePreview>(p => p.Add(c => c.Creative, creative));

        // The placement is looked up after the first render (a database round trip on PostgreSQL).
        cut.WaitForAssertion(() => Assert.NotEqual("", cut.Find("[data-testid=preview-ad]").GetAttribute("data-placement")), TimeSpan.FromSeconds(10));
        var ad = cut.Find("[data-testid=preview-ad]");
        Assert.Equal("mobile", ad.GetAttribute("data-placement"));
        Assert.Contains("aspect-ratio:320/50", ad.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("ad-banner", ad.ClassName, StringComparison.Ordinal);
        Assert.Equal("Fresh reads", cut.Find("[data-testid=preview-headline]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=preview-body]"));
    }

    [Fact]
    public void AdLayout_Cut_KeepsShortTextAndCutsLongTextAtTheLimit()
    {
        Assert.Equal("Short", AdLayout.Cut("Short", 10));
        Assert.Equal("Exactly te", AdLayout.Cut("Exactly te", 10));
        Assert.Equal("Much long…", AdLayout.Cut("Much longer than ten", 10));
        Assert.Equal("Unlimited text", AdLayout.Cut("Unlimited text", null));
    }
}
