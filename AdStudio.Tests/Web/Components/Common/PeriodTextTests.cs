using AdStudio.Web.Components.Common;

namespace AdStudio.Tests.Web.Components.Common;

public sealed class PeriodTextTests
{
    [Theory]
    [InlineData("2026-11-01", "2026-11-30", "2026-11-30", "last 30 days · 1 – 30 Nov 2026")]
    [InlineData("2026-11-01", "2026-11-30", "2026-12-05", "1 – 30 Nov 2026")]
    [InlineData("2026-10-03", "2026-11-02", "2026-11-30", "3 Oct – 2 Nov 2026")]
    [InlineData("2025-12-03", "2026-01-02", "2026-11-30", "3 Dec 2025 – 2 Jan 2026")]
    [InlineData("2026-11-30", "2026-11-30", "2026-11-30", "today · 30 Nov 2026")]
    [InlineData("2026-11-29", "2026-11-29", "2026-11-30", "29 Nov 2026")]
    public void Of_Period_ReadsAsExpected(string from, string to, string today, string expected) =>
        Assert.Equal(expected, PeriodText.Of(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-01", "2026-11-30", "2026-11-30", "last 30 days")]
    [InlineData("2026-11-30", "2026-11-30", "2026-11-30", "today")]
    [InlineData("2026-11-01", "2026-11-29", "2026-11-30", "1 – 29 Nov 2026")]
    public void Brief_Period_ReadsAsExpected(string from, string to, string today, string expected) =>
        Assert.Equal(expected, PeriodText.Brief(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
