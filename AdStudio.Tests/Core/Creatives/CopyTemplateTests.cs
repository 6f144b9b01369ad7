using AdStudio.Core.Creatives.Copy;

namespace AdStudio.Tests.Core.Creatives;

public class CopyTemplateTests
{
    [Fact]
    public void Render_KnownValues_FillsPlaceholders()
    {
        var text = CopyTemplate.Render("{{discount}} off {{ top_category | our bestsellers }} in {{region|your area}}",
            new Dictionary<string, string?> { ["discount"] = "20%", ["top_category"] = "books", ["region"] = "North" });

        Assert.Equal("20% off books in North", text);
    }

    [Fact]
    public void Render_MissingOrBlankValues_UseFallbacks()
    {
        var text = CopyTemplate.Render("New in {{top_category|our bestsellers}} for {{region|you}}",
            new Dictionary<string, string?> { ["region"] = "  " });

        Assert.Equal("New in our bestsellers for you", text);
    }

    [Fact]
    public void Render_PlainText_IsUnchanged() =>
        Assert.Equal("Shop now", CopyTemplate.Render("Shop now", new Dictionary<string, string?>()));

    [Fact]
    public void Validate_GoodTemplate_HasNoProblems() =>
        Assert.Empty(CopyTemplate.Validate("{{discount}} off {{top_category|everything}}"));

    [Theory]
    [InlineData("Hi {{first_name|there}}", "Unknown placeholder")]
    [InlineData("Deals in {{top_category}}", "needs a fallback")]
    [InlineData("Deals in {{region|here}", "not closed")]
    public void Validate_BadTemplate_SaysWhatIsWrong(string template, string problem) =>
        Assert.Contains(CopyTemplate.Validate(template), p => p.Contains(problem, StringComparison.Ordinal));

    [Fact]
    public void WorstCaseLength_CountsPlaceholdersAtTheirLongest() =>
        // "Top " + max(12, len("our bestsellers") = 15) + "!" = 20
        Assert.Equal(20, CopyTemplate.WorstCaseLength("Top {{top_category|our bestsellers}}!"));
}
