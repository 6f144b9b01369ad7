using AdStudio.Core.Events;

namespace AdStudio.Tests.Core.Events;

public sealed class BehaviourEventRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("view", BehaviourEventType.View)]
    [InlineData("search", BehaviourEventType.Search)]
    [InlineData("add_to_cart", BehaviourEventType.AddToCart)]
    [InlineData("purchase", BehaviourEventType.Purchase)]
    public void ParseType_WireName_IsItsTypeAndBack(string name, BehaviourEventType type)
    {
        var parsed = BehaviourEventRules.ParseType(name);

        Assert.Equal(type, parsed);
        Assert.Equal(name, BehaviourEventRules.NameOf(type));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("View")]
    [InlineData("impression")]
    [InlineData("teleport")]
    public void ParseType_NotABehaviourWireName_IsNull(string? name)
    {
        var parsed = BehaviourEventRules.ParseType(name);

        Assert.Null(parsed);
    }

    [Fact]
    public void TypeNames_NameEveryTypeOnce()
    {
        var names = BehaviourEventRules.TypeNames;

        Assert.Equal(Enum.GetValues<BehaviourEventType>().Select(BehaviourEventRules.NameOf).Order(), names.Order());
    }

    [Theory]
    [InlineData(BehaviourEventType.View, new[] { "category", "productId" })]
    [InlineData(BehaviourEventType.AddToCart, new[] { "category", "productId" })]
    [InlineData(BehaviourEventType.Purchase, new[] { "category", "productId", "amount" })]
    [InlineData(BehaviourEventType.Search, new[] { "query" })]
    public void RequiredFields_PerType_AreTheFieldsItMustCarry(BehaviourEventType type, string[] expected)
    {
        var fields = BehaviourEventRules.RequiredFields(type);

        Assert.Equal(expected, fields);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(-0.01, false)]
    [InlineData(100.01, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void IsWithin_ValueAgainstMaximum_OnlyFiniteFromZeroToMaximum(double value, bool within)
    {
        var result = BehaviourEventRules.IsWithin(value, 100);

        Assert.Equal(within, result);
    }

    [Fact]
    public void IsTextShortEnough_AtAndAboveTheLimit_AcceptsOnlyUpToIt()
    {
        var atLimit = new string('x', BehaviourEventRules.MaxTextLength);

        Assert.True(BehaviourEventRules.IsTextShortEnough(null));
        Assert.True(BehaviourEventRules.IsTextShortEnough(atLimit));
        Assert.False(BehaviourEventRules.IsTextShortEnough(atLimit + "x"));
    }

    [Fact]
    public void IsTooFarAhead_UpToTheAllowedSkew_IsNot()
    {
        var edge = Now + EventTimestamps.AllowedFutureSkew;

        Assert.False(EventTimestamps.IsTooFarAhead(edge, Now));
        Assert.True(EventTimestamps.IsTooFarAhead(edge.AddTicks(1), Now));
    }
}
