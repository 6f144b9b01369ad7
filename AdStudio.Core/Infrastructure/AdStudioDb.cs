using AdStudio.Core.Accounts;
using AdStudio.Core.Auditing;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Events;
using AdStudio.Core.Experiments;
using AdStudio.Core.Modeling;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Profiling;
using AdStudio.Core.Reporting;
using AdStudio.Core.Segments;
using AdStudio.Core.Shoppers;
using AdStudio.Core.Storefront;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Infrastructure;

/// <summary>
/// The AdStudio database, users and Data Protection keys included (one schema, one migration history).
/// Create one per operation through <c>IDbContextFactory</c>.
/// </summary>
public sealed class AdStudioDb(DbContextOptions<AdStudioDb> options)
    : IdentityDbContext<AdStudioUser, AdStudioRole, int>(options), IDataProtectionKeyContext
{
    public DbSet<Shopper> Shoppers => Set<Shopper>();

    public DbSet<BehaviourEvent> BehaviourEvents => Set<BehaviourEvent>();

    public DbSet<AdEvent> AdEvents => Set<AdEvent>();

    public DbSet<ShopperProfile> Profiles => Set<ShopperProfile>();

    public DbSet<Segment> Segments => Set<Segment>();

    public DbSet<SegmentMember> SegmentMembers => Set<SegmentMember>();

    public DbSet<SegmentSizePoint> SegmentSizes => Set<SegmentSizePoint>();

    public DbSet<Cluster> Clusters => Set<Cluster>();

    public DbSet<ClusterAssignment> ClusterAssignments => Set<ClusterAssignment>();

    public DbSet<Creative> Creatives => Set<Creative>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignTarget> CampaignTargets => Set<CampaignTarget>();

    public DbSet<Experiment> Experiments => Set<Experiment>();

    public DbSet<Variant> Variants => Set<Variant>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<PipelineRun> PipelineRuns => Set<PipelineRun>();

    public DbSet<DailyRollup> DailyRollups => Set<DailyRollup>();

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StorefrontKey> StorefrontKeys => Set<StorefrontKey>();

    /// <summary>The Data Protection key ring, shared by every node so cookies and tokens survive restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The processes sharing this database and their heartbeats.</summary>
    public DbSet<Nodes.ClusterNode> ClusterNodes => Set<Nodes.ClusterNode>();

    /// <summary>Model files and creative images, readable by every node.</summary>
    public DbSet<Files.StoredFile> StoredFiles => Set<Files.StoredFile>();

    public DbSet<Modeling.Scoring.CampaignAudience> CampaignAudiences => Set<Modeling.Scoring.CampaignAudience>();

    public DbSet<Modeling.Scoring.CampaignAudienceMember> CampaignAudienceMembers => Set<Modeling.Scoring.CampaignAudienceMember>();

    /// <summary>Every consent change of every shopper; the latest is also on <see cref="Shopper"/>.</summary>
    public DbSet<Privacy.ConsentRecord> ConsentRecords => Set<Privacy.ConsentRecord>();

    /// <summary>The access and erasure request log (masked ids only).</summary>
    public DbSet<Privacy.PrivacyRequest> PrivacyRequests => Set<Privacy.PrivacyRequest>();

    /// <summary>Keyed hashes of erased shoppers whose later events are dropped.</summary>
    public DbSet<Privacy.SuppressedShopper> SuppressedShoppers => Set<Privacy.SuppressedShopper>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All instants are UTC; SQLite forgets the kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AdStudioDb).Assembly);
    }
}
