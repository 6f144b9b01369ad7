using AdStudio.Web.Features.Segments;

namespace AdStudio.Tests.Web.Features.Segments;

public class MembersCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"win\")", "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"win\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-2", "\"'-2\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("shopper-000001", "shopper-000001")]
    public void Write_ValueAFormulaWouldRun_IsEscapedAsText(string id, string written)
    {
        var csv = MembersCsv.Write("shopperId", [id]);

        Assert.Equal($"shopperId\r\n{written}\r\n", csv);
    }

    [Fact]
    public void Write_ValueStartingWithCarriageReturn_IsEscapedAsText()
    {
        var csv = MembersCsv.Write("shopperId", ["\r=1"]);

        Assert.Equal("shopperId\r\n\"'\r=1\"\r\n", csv);
    }
}
