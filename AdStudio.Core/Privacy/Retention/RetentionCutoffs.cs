namespace AdStudio.Core.Privacy.Retention;

/// <summary>
/// The instants before which raw events are deleted: now minus <see cref="PrivacyOptions.BehaviourRetentionDays"/> and
/// <see cref="PrivacyOptions.AdEventRetentionDays"/>. Fixed once per run, so events arriving during it never qualify.
/// </summary>
public sealed record RetentionCutoffs(DateTime BehaviourEvents, DateTime AdEvents)
{
    /// <summary>The cut-offs of <paramref name="options"/> at <paramref name="now"/> (UTC).</summary>
    public static RetentionCutoffs At(DateTime now, PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(now.AddDays(-options.BehaviourRetentionDays), now.AddDays(-options.AdEventRetentionDays));
    }

    /// <summary>
    /// The first whole UTC day whose ad events are all kept. Rollups of earlier days outlive their raw events, so a
    /// rollup rebuild must leave them as they are (the day of the cut-off itself is only partly kept).
    /// </summary>
    public DateOnly FirstWholeAdEventDay
    {
        get
        {
            var day = DateOnly.FromDateTime(AdEvents);
            return AdEvents.TimeOfDay == TimeSpan.Zero ? day : day.AddDays(1);
        }
    }
}
