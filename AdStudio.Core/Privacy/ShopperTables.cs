using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Shoppers;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Privacy;

/// <summary>
/// Every table that holds rows about a shopper: access requests read and erasures clear exactly these. A new table
/// with a shopper key is one line here; the erasure test enumerates the EF model and fails for a table left out.
/// </summary>
public static class ShopperTables
{
    public static IReadOnlyList<ShopperTable> All { get; } =
    [
        Delete<ConsentRecord>("ConsentRecords", (db, id) => db.ConsentRecords.Where(r => r.ShopperId == id)),
        Delete<BehaviourEvent>("BehaviourEvents", (db, id) => db.BehaviourEvents.Where(e => e.ShopperId == id)),
        Anonymise(),
        Delete<ShopperProfile>("Profiles", (db, id) => db.Profiles.Where(p => p.ShopperId == id)),
        Delete<SegmentMember>("SegmentMembers", (db, id) => db.SegmentMembers.Where(m => m.ShopperId == id)),
        Delete<ClusterAssignment>("ClusterAssignments", (db, id) => db.ClusterAssignments.Where(a => a.ShopperId == id)),
        Delete<CampaignAudienceMember>("CampaignAudienceMembers", (db, id) => db.CampaignAudienceMembers.Where(m => m.ShopperId == id)),
        Delete<Shopper>("Shoppers", (db, id) => db.Shoppers.Where(s => s.Id == id)),
    ];

    private static ShopperTable Delete<T>(string name, Func<AdStudioDb, string, IQueryable<T>> rows)
        where T : class =>
        new(name, typeof(T), (db, id, ct) => rows(db, id).CountAsync(ct), (db, id, ct) => rows(db, id).ExecuteDeleteAsync(ct));

    /// <summary>
    /// Ad events stay, without the shopper id: they are what campaign totals, spend and rollups are counted from, and
    /// without the id they say nothing about anyone (as for a shopper who never consented to measurement).
    /// </summary>
    private static ShopperTable Anonymise() => new(
        "AdEvents",
        typeof(AdEvent),
        (db, id, ct) => db.AdEvents.Where(e => e.ShopperId == id).CountAsync(ct),
        (db, id, ct) => db.AdEvents.Where(e => e.ShopperId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ShopperId, (string?)null), ct));
}
