using AdStudio.Core.Segments;
using AdStudio.Core.Segments.Rules;

namespace AdStudio.Tests.Core.Segments;

public class SegmentRuleTests
{
    private static readonly string[] Categories = ["books", "toys"];

    private static AudienceRow Row(string id, double spend90 = 0, double? daysSincePurchase = null, string region = "north", float books = 0, float toys = 0, string ageBand = "25-34", string[]? top = null) => new()
    {
        ShopperId = id,
        Region = region,
        AgeBand = ageBand,
        Gender = "female",
        Spend90d = spend90,
        DaysSinceLastPurchase = daysSincePurchase,
        Interests = [books, toys],
        TopCategories = top ?? [],
    };

    private static readonly Audience Shoppers = new(DateTime.UtcNow,
    [
        Row("a", spend90: 250, daysSincePurchase: 3, region: "north", books: 0.7f, toys: 0.3f, top: ["books", "toys"]),
        Row("b", spend90: 40, daysSincePurchase: 40, region: "south", books: 0.1f, toys: 0.9f, top: ["toys"]),
        Row("c", spend90: 0, daysSincePurchase: null, region: "East", ageBand: "55+"),
        Row("d", spend90: 120, daysSincePurchase: 10, region: "west", books: 0.5f, toys: 0.5f, top: ["books"]),
    ], Categories);

    private static int Count(string json)
    {
        var (rule, errors) = SegmentRule.Parse(json);
        Assert.Empty(errors);
        return Shoppers.Count(rule!);
    }

    [Theory]
    [InlineData(""">""", 100, 2)]
    [InlineData(""">=""", 120, 2)]
    [InlineData("""<""", 120, 2)]
    [InlineData("""<=""", 40, 2)]
    [InlineData("""=""", 0, 1)]
    [InlineData("""!=""", 0, 3)]
    public void Numeric_EachOperator_CountsExactly(string op, double value, int expected) =>
        Assert.Equal(expected, Count($$"""{"all":[{"field":"spend_90d","op":"{{op}}","value":{{value}}}]}"""));

    [Fact]
    public void Numeric_MissingValue_FailsEveryComparison()
    {
        Assert.Equal(2, Count("""{"all":[{"field":"days_since_last_purchase","op":"<","value":30}]}"""));
        Assert.Equal(3, Count("""{"all":[{"field":"days_since_last_purchase","op":">=","value":0}]}"""));
    }

    [Fact]
    public void Interest_ComparesTheCategoryShare() =>
        Assert.Equal(2, Count("""{"all":[{"field":"interest","category":"Books","op":">=","value":0.5}]}"""));

    [Fact]
    public void Interest_UnknownCategory_IsZeroForEveryone() =>
        Assert.Equal(4, Count("""{"all":[{"field":"interest","category":"garden","op":"<","value":0.1}]}"""));

    [Fact]
    public void List_InAndNotIn_IgnoreCase()
    {
        Assert.Equal(2, Count("""{"all":[{"field":"region","op":"in","values":["north","EAST"]}]}"""));
        Assert.Equal(2, Count("""{"all":[{"field":"region","op":"not_in","values":["north","east"]}]}"""));
        Assert.Equal(2, Count("""{"all":[{"field":"top_category","op":"in","values":["books"]}]}"""));
    }

    [Fact]
    public void Groups_NestAndOr()
    {
        // spend ≥ 100 AND (region = west OR loves toys ≥ 0.3)
        Assert.Equal(2, Count("""
            {"all":[{"field":"spend_90d","op":">=","value":100},
                    {"any":[{"field":"region","op":"in","values":["west"]},
                            {"field":"interest","category":"toys","op":">=","value":0.3}]}]}
            """));
        Assert.Equal(3, Count("""{"any":[{"field":"ageBand","op":"in","values":["55+"]},{"field":"spend_90d","op":">","value":100}]}"""));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{\"all\":[", "not valid JSON")]
    [InlineData("""{"field":"spend_90d","op":">","value":1}""", "top level must be a group")]
    [InlineData("""{"all":[]}""", "non-empty list")]
    [InlineData("""{"all":[{"field":"shoe_size","op":">","value":1}]}""", "unknown field \"shoe_size\"")]
    [InlineData("""{"all":[{"field":"spend_90d","op":"~","value":1}]}""", "rule.all[0].op")]
    [InlineData("""{"all":[{"field":"spend_90d","op":">","value":"lots"}]}""", "rule.all[0].value: give a number")]
    [InlineData("""{"all":[{"field":"region","op":">","value":1}]}""", "\"in\" or \"not_in\"")]
    [InlineData("""{"all":[{"field":"region","op":"in","values":[]}]}""", "non-empty list of text")]
    [InlineData("""{"all":[{"field":"interest","op":">","value":0.2}]}""", "category")]
    [InlineData("""{"all":[{"field":"interest","category":"books","op":">","value":2}]}""", "between 0 and 1")]
    [InlineData("""{"all":[{"any":[{"field":"visits_7d","op":">","value":1},{"op":">"}]}]}""", "rule.all[0].any[1]")]
    [InlineData("""{"all":[{"field":"visits_7d","op":">","op":"<","value":1}]}""", "Duplicate property 'op'")]
    [InlineData("""{"all":[{"field":"region","op":"in","values":["north",null]}]}""", "rule.all[0].values[1]: each value is a non-empty text, not null")]
    [InlineData("""{"all":[{"field":"region","op":"in","values":["north",7]}]}""", "rule.all[0].values[1]: each value is a non-empty text, not number")]
    [InlineData("""{"all":[null]}""", "rule.all[0]: expected an object")]
    public void Parse_BadRule_SaysWhatAndWhere(string json, string says)
    {
        var (rule, errors) = SegmentRule.Parse(json);

        Assert.Null(rule);
        Assert.Contains(errors, e => e.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TooDeep_IsRefused()
    {
        var json = string.Concat(Enumerable.Repeat("{\"all\":[", 12)) + "{\"field\":\"visits_7d\",\"op\":\">\",\"value\":1}" + string.Concat(Enumerable.Repeat("]}", 12));

        Assert.Contains(SegmentRule.Parse(json).Errors, e => e.Contains("nest at most", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ListBeyondItsMaximum_IsRefused()
    {
        var values = string.Join(",", Enumerable.Range(0, SegmentRule.MaxListValues + 1).Select(i => $"\"r{i}\""));

        var (rule, errors) = SegmentRule.Parse($$"""{"all":[{"field":"region","op":"in","values":[{{values}}]}]}""");

        Assert.Null(rule);
        Assert.Contains(errors, e => e.Contains($"at most {SegmentRule.MaxListValues} values", StringComparison.Ordinal));
    }
}
