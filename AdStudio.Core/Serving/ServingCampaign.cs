using AdStudio.Core.Campaigns;

namespace AdStudio.Core.Serving;

/// <summary>An active campaign as the decision engine sees it; segment id arrays are sorted.</summary>
public sealed record ServingCampaign(
    int Id,
    BidType BidType,
    double Bid,
    double DailyBudget,
    double TotalBudget,
    double SpentToday,
    double SpentTotal,
    DateTime StartsAt,
    DateTime? EndsAt,
    string[] Placements,
    int[] IncludeSegments,
    int[] ExcludeSegments,
    ServingCreative[] Creatives,
    ServingExperiment? Experiment,
    double SmoothedCvr,
    bool[]? HoursOfWeek = null,
    int? FrequencyCapPerDay = null)
{
    /// <summary>The bid type as <c>/serve</c> writes it ("CPC"), computed once per snapshot rather than per answer.</summary>
    public string BidTypeName { get; } = BidType.ToString().ToUpperInvariant();

    public bool IsScheduledAt(DateTime now) => StartsAt <= now && (EndsAt is null || now < EndsAt);

    /// <summary>
    /// Whether the campaign may still spend: <see cref="SpentToday"/> counts only while the request is on the snapshot's shop day
    /// (<paramref name="onSnapshotDay"/>); a later day starts with nothing spent (decision record 6). <paramref name="liveToday"/>
    /// and <paramref name="liveTotal"/> are this node's charges since the snapshot read the database (on the request's day, in all).
    /// </summary>
    public bool HasBudgetOn(bool onSnapshotDay, double liveToday = 0, double liveTotal = 0) =>
        (onSnapshotDay ? SpentToday : 0) + liveToday < DailyBudget && SpentTotal + liveTotal < TotalBudget;

    /// <summary>Dayparting: whether the campaign serves in this hour of the week (0 = Monday 00:00, shop time).</summary>
    public bool ServesAtHour(int hourOfWeek) => HoursOfWeek is null || HoursOfWeek[hourOfWeek];

    public bool ServesIn(string placement) => Placements.Length == 0 || Array.IndexOf(Placements, placement) >= 0;
}
