using AdStudio.Core.Segments.Rules;
using AdStudio.Web.Features.Segments;

namespace AdStudio.Tests.Web.Features.Segments;

public sealed class ConditionModelTests
{
    private static readonly string[] Categories = ["books", "toys"];

    private static readonly Dictionary<string, IReadOnlyList<string>> Known = new(StringComparer.Ordinal)
    {
        ["region"] = ["east", "north"],
        ["gender"] = [],
    };

    private static ConditionModel SpendAbove(double value) => new() { Field = "spend_90d", Operator = ">=", Value = value };

    [Fact]
    public void SwitchField_NumberToInterest_StartsAtAShareAndTheFirstCategory()
    {
        var condition = SpendAbove(250);

        condition.SwitchField(RuleFields.Interest, Categories, Known);

        Assert.Equal((">=", ConditionModel.DefaultInterestShare, "books", ""), (condition.Operator, condition.Value, condition.Category, condition.Values));
    }

    [Fact]
    public void SwitchField_NumberToList_StartsWithInAndAKnownValue()
    {
        var condition = SpendAbove(250);

        condition.SwitchField("region", Categories, Known);

        Assert.Equal(("in", "east", 0.0, ""), (condition.Operator, condition.Values, condition.Value, condition.Category));
    }

    [Fact]
    public void SwitchField_ToTopCategory_StartsWithTheFirstCategory()
    {
        var condition = SpendAbove(250);

        condition.SwitchField("top_category", Categories, Known);

        Assert.Equal(("in", "books"), (condition.Operator, condition.Values));
    }

    [Fact]
    public void SwitchField_ListWithNoKnownValues_LeavesNoStaleValues()
    {
        var condition = new ConditionModel { Field = "region", Operator = "not_in", Values = "north" };

        condition.SwitchField("gender", Categories, Known);

        Assert.Equal(("in", ""), (condition.Operator, condition.Values));
    }

    [Fact]
    public void SwitchField_ListToNumber_GetsThatFieldsNumericStart()
    {
        var condition = new ConditionModel { Field = "region", Operator = "not_in", Values = "north" };

        condition.SwitchField("days_since_last_visit", Categories, Known);

        Assert.Equal(("<=", 30.0, ""), (condition.Operator, condition.Value, condition.Values));
    }

    [Fact]
    public void SwitchField_InterestToNumber_DropsTheCategoryAndTheShare()
    {
        var condition = new ConditionModel { Field = RuleFields.Interest, Operator = "<", Value = 0.8, Category = "toys" };

        condition.SwitchField("spend_30d", Categories, Known);

        Assert.Equal((">=", 50.0, ""), (condition.Operator, condition.Value, condition.Category));
    }

    [Fact]
    public void SwitchField_EveryField_GivesARuleThatParses()
    {
        foreach (var field in RuleFields.Numbers.Keys.Append(RuleFields.Interest).Concat(RuleFields.Lists.Keys.Where(f => f != "gender")))
        {
            var condition = SpendAbove(250);
            condition.SwitchField(field, Categories, new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [field] = ["x"] });
            var rule = new RuleModel { Conditions = { condition } };

            var (parsed, errors) = SegmentRule.Parse(rule.ToJson());

            Assert.True(parsed is not null, $"{field}: {string.Join("; ", errors)}");
        }
    }
}
