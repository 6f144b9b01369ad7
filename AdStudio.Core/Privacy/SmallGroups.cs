using System.Globalization;

namespace AdStudio.Core.Privacy;

/// <summary>
/// The one rule for every breakdown that could single out a few shoppers (segment and cluster sizes, overlaps,
/// predicted audiences, member samples): a group smaller than <see cref="PrivacyOptions.MinSegmentSize"/> shows no
/// exact count and no members. New breakdowns by segment or cluster go through here.
/// </summary>
public static class SmallGroups
{
    /// <summary>The exact size, or null when the group is too small to show (the API's convention).</summary>
    public static int? Size(PrivacyOptions privacy, int size) => privacy.Allows(size) ? size : null;

    /// <summary>The size as text: the exact count, or "&lt; N" when the group is too small to show.</summary>
    public static string Text(PrivacyOptions privacy, long size) =>
        size >= privacy.MinSegmentSize ? size.ToString("N0", CultureInfo.InvariantCulture) : Hidden(privacy);

    /// <summary>What a hidden size reads as: "&lt; N".</summary>
    public static string Hidden(PrivacyOptions privacy) => string.Create(CultureInfo.InvariantCulture, $"< {privacy.MinSegmentSize}");

    /// <summary>The sample of members a group of <paramref name="groupSize"/> may show: none when the group is too small.</summary>
    public static IReadOnlyList<T> Sample<T>(PrivacyOptions privacy, int groupSize, IReadOnlyList<T> sample) =>
        privacy.Allows(groupSize) ? sample : [];
}
