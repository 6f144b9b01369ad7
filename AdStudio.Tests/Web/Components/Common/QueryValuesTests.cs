using AdStudio.Web.Components.Common;

namespace AdStudio.Tests.Web.Components.Common;

public sealed class QueryValuesTests
{
    [Fact]
    public void Day_ExactDay_IsThatUtcDay()
    {
        var day = QueryValues.Day("2026-11-03");

        Assert.Equal(new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc), day);
        Assert.Equal(DateTimeKind.Utc, day!.Value.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("03/11/2026")]
    [InlineData("2026-11-03T10:00")]
    [InlineData("<script>")]
    public void Day_NotAnExactDay_IsNull(string? value) => Assert.Null(QueryValues.Day(value));

    [Theory]
    [InlineData("3", 3)]
    [InlineData("2147483647", int.MaxValue)]
    public void Id_PositiveWholeNumber_IsTheId(string value, int expected) => Assert.Equal(expected, QueryValues.Id(value));

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("3.5")]
    [InlineData(" 3")]
    [InlineData("abc")]
    [InlineData("99999999999")]
    public void Id_NotAPositiveId_IsNull(string? value) => Assert.Null(QueryValues.Id(value));

    [Fact]
    public void Text_TooLongOrBlank_IsNull_OtherwiseTrimmed()
    {
        Assert.Equal("spring", QueryValues.Text("  spring "));
        Assert.Null(QueryValues.Text("   "));
        Assert.Null(QueryValues.Text(new string('x', QueryValues.MaxTextLength + 1)));
    }

    [Fact]
    public void Format_DayAndBlankText_AreAddressValues()
    {
        Assert.Equal("2026-11-30", QueryValues.Format(new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Null(QueryValues.Format((DateTime?)null));
        Assert.Null(QueryValues.Format(" "));
    }
}
