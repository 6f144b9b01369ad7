using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Audit;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;

namespace AdStudio.Tests.Core.Creatives;

public class CreativeAuditorTests
{
    private static readonly Dictionary<string, PlacementSize> Placements = new()
    {
        ["sidebar"] = new() { Width = 300, Height = 250 },
        ["mobile"] = new() { Width = 320, Height = 50 },
    };

    private static readonly CreativeOptions Options = new()
    {
        ForbiddenPhrases = ["guaranteed", "100% effective", "risk-free"],
        AllowedLandingHosts = ["shop.example"],
        CopyLimits = new() { ["sidebar"] = new() { Headline = 40, Body = 90 }, ["mobile"] = new() { Headline = 25, Body = 0 } },
    };

    private static Creative Creative(string headline = "Spring deals", string body = "", string landing = "https://shop.example/spring", int width = 300, int height = 250) => new()
    {
        Name = "c",
        Headline = headline,
        Body = body,
        LandingUrl = landing,
        Category = "books",
        ImageUrl = "/creatives/files/x.png",
        Width = width,
        Height = height,
    };

    [Fact]
    public void Check_CleanCreative_PassesEverything() =>
        Assert.Empty(CreativeAuditor.Check(Creative(), Placements, Options));

    [Theory]
    [InlineData("Guaranteed results", "headline")]
    [InlineData("Spring deals", "body", "A RISK-FREE trial")]
    [InlineData("100% effective cream", "headline")]
    public void Check_ForbiddenClaim_IsFlaggedOnItsField(string headline, string field, string body = "")
    {
        var findings = CreativeAuditor.Check(Creative(headline, body), Placements, Options);

        Assert.Contains(findings, f => f.Field == field && f.Message.Contains("forbids", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_PhraseInsideAnotherWord_IsNotFlagged() =>
        Assert.Empty(CreativeAuditor.Check(Creative("Unguaranteedly good"), Placements, Options));

    [Fact]
    public void Check_HeadlineTooLongForPlacement_IsFlagged()
    {
        var findings = CreativeAuditor.Check(Creative("A headline far too long for a mobile banner", width: 320, height: 50), Placements, Options);

        Assert.Contains(findings, f => f.Field == "headline" && f.Message.Contains("mobile shows at most 25", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://shop.example/x", "https://")]
    [InlineData("javascript:alert(1)", "https://")]
    [InlineData("https://evil.example/x", "not an allowed landing host")]
    [InlineData("https://user:pw@shop.example/x", "user name")]
    public void Check_BadLanding_IsFlagged(string landing, string says) =>
        Assert.Contains(CreativeAuditor.Check(Creative(landing: landing), Placements, Options),
            f => f.Field == "landingUrl" && f.Message.Contains(says, StringComparison.Ordinal));

    [Fact]
    public void Check_SubdomainOfAllowedHost_IsAllowed() =>
        Assert.Empty(CreativeAuditor.Check(Creative(landing: "https://www.shop.example/x"), Placements, Options));

    [Fact]
    public void Check_ImageOfNoPlacementSize_NamesTheFormats()
    {
        var findings = CreativeAuditor.Check(Creative(width: 400, height: 400), Placements, Options);

        Assert.Contains(findings, f => f.Field == "image" && f.Message.Contains("300×250 (sidebar)", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_TemplateWithoutFallback_IsFlagged() =>
        Assert.Contains(CreativeAuditor.Check(Creative("Deals in {{region}}"), Placements, Options), f => f.Message.Contains("fallback", StringComparison.Ordinal));
}
