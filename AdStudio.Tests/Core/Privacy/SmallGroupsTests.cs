using AdStudio.Core.Privacy;

namespace AdStudio.Tests.Core.Privacy;

public sealed class SmallGroupsTests
{
    private static readonly PrivacyOptions Privacy = new() { MinSegmentSize = 50 };

    [Theory]
    [InlineData(0, null)]
    [InlineData(49, null)]
    [InlineData(50, 50)]
    [InlineData(1234, 1234)]
    public void Size_AroundTheThreshold_IsExactOnlyFromIt(int size, int? expected) =>
        Assert.Equal(expected, SmallGroups.Size(Privacy, size));

    [Theory]
    [InlineData(1, "< 50")]
    [InlineData(49, "< 50")]
    [InlineData(50, "50")]
    [InlineData(12345, "12,345")]
    public void Text_AroundTheThreshold_HidesSmallCounts(long size, string expected) =>
        Assert.Equal(expected, SmallGroups.Text(Privacy, size));

    [Fact]
    public void Sample_SmallGroup_ListsNobody()
    {
        string[] sample = ["a", "b", "c"];

        Assert.Empty(SmallGroups.Sample(Privacy, 49, sample));
        Assert.Equal(sample, SmallGroups.Sample(Privacy, 50, sample));
    }
}
