using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Privacy;

/// <summary>Privacy settings (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Consent of a shopper never asked: <c>opt-in</c> (neither purpose until given) or <c>opt-out</c> (both until withdrawn).</summary>
    [RegularExpression("^(opt-in|opt-out)$", ErrorMessage = "Privacy:ConsentModel is opt-in or opt-out.")]
    public string ConsentModel { get; set; } = ConsentModels.OptIn;

    /// <summary>Groups smaller than this show no exact size and cannot be exported or targeted.</summary>
    [Range(1, 1_000_000)]
    public int MinSegmentSize { get; set; } = 50;

    /// <summary>Raw behaviour events older than this many days are deleted by the <c>retention</c> step.</summary>
    [Range(1, 36_500)]
    public int BehaviourRetentionDays { get; set; } = 395;

    /// <summary>Raw ad events older than this many days are deleted by the <c>retention</c> step (rollups stay).</summary>
    [Range(1, 36_500)]
    public int AdEventRetentionDays { get; set; } = 395;

    /// <summary>Whether a group of <paramref name="size"/> may be shown exactly, exported and targeted.</summary>
    public bool Allows(int size) => size >= MinSegmentSize;

    /// <summary>The consent a shopper has before saying anything, under <see cref="ConsentModel"/>.</summary>
    public bool ConsentsByDefault => ConsentModel == ConsentModels.OptOut;
}
