using AdStudio.Core.Events;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Shoppers;

namespace AdStudio.Core.Privacy;

/// <summary>Everything AdStudio holds about one shopper, as an access request answers it (GDPR Art. 15, CCPA right to know).</summary>
public sealed record ShopperAccessDocument(
    string ShopperId,
    string MaskedShopperId,
    DateTime GeneratedAt,
    Shopper? Shopper,
    IReadOnlyList<ConsentRecord> ConsentHistory,
    ShopperProfile? Profile,
    IReadOnlyList<BehaviourEvent> BehaviourEvents,
    IReadOnlyList<AdEvent> AdEvents,
    IReadOnlyList<SegmentMembership> Segments,
    IReadOnlyList<ClusterAssignment> Clusters,
    IReadOnlyList<CampaignAudienceMember> PredictedAudiences,
    IReadOnlyList<ExperimentAssignment> ExperimentAssignments,
    string ExperimentAssignmentsNote,
    IReadOnlyDictionary<string, int> Counts);
