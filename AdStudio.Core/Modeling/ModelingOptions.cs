using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Modeling;

/// <summary>Model training settings (section <c>Modeling</c>).</summary>
public sealed class ModelingOptions
{
    public const string SectionName = "Modeling";

    /// <summary>The newest days of impressions held out to validate every model.</summary>
    [Range(1, 60)]
    public int ValidationDays { get; set; } = 5;

    /// <summary>A challenger replaces the active model only if its validation log loss is lower by at least this fraction.</summary>
    [Range(0.0, 0.5)]
    public double PromotionMargin { get; set; } = 0.002;

    /// <summary>Fewer training impressions than this and the run stops with a message instead of fitting noise.</summary>
    [Range(100, 10_000_000)]
    public int MinimumRows { get; set; } = 2000;

    /// <summary>Fewer training clicks than this and no conversion model is trained (serving keeps smoothed conversion rates).</summary>
    [Range(20, 10_000_000)]
    public int MinimumConversionRows { get; set; } = 200;

    /// <summary>Validation rows (at most) on which permutation feature importance is measured.</summary>
    [Range(1000, 1_000_000)]
    public int ImportanceRows { get; set; } = 20_000;

    /// <summary>
    /// A scored shopper counts as a likely clicker of a campaign when their predicted CTR is at least this multiple of
    /// the campaign's historical (smoothed) CTR — relative, so it means the same in any shop.
    /// </summary>
    [Range(1.0, 100.0)]
    public double AudienceLift { get; set; } = 2;

    /// <summary>How many of the best-scored shoppers are stored per campaign.</summary>
    [Range(1, 1_000_000)]
    public int AudienceSize { get; set; } = 1000;

    /// <summary>
    /// Trainers to compare (logistic_regression, ffm, fast_tree, lightgbm); empty compares all. Empty by default
    /// because configuration binding appends to a list rather than replacing it.
    /// </summary>
    public List<string> Trainers { get; set; } = [];

    public IReadOnlyList<string> EffectiveTrainers => Trainers.Count > 0 ? Trainers.Distinct().ToList() : Training.TrainerKind.All;
}
