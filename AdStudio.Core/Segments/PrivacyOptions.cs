using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Segments;

/// <summary>Privacy settings (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Segments smaller than this show no exact size and cannot be exported or targeted.</summary>
    [Range(1, 1_000_000)]
    public int MinSegmentSize { get; set; } = 50;

    /// <summary>Whether a segment of <paramref name="size"/> may be shown exactly, exported and targeted.</summary>
    public bool Allows(int size) => size >= MinSegmentSize;
}
