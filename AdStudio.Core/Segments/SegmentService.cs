using AdStudio.Core.Auditing;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Segments.Rules;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Segments;

/// <summary>Saves, renames, duplicates and archives rule segments; a rule is validated before it is stored. Every change is audited with its actor.</summary>
public sealed class SegmentService(IDbContextFactory<AdStudioDb> dbFactory, AudienceIndex audiences, TimeProvider clock)
{
    public async Task<Segment> CreateAsync(string name, string? description, string ruleJson, string actor, CancellationToken ct)
    {
        var rule = Validate(name, ruleJson);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var segment = new Segment { Name = name.Trim(), Description = description?.Trim(), Kind = SegmentKind.Rule, RuleJson = ruleJson, CreatedAt = Now() };
        db.Segments.Add(segment);
        await db.SaveChangesAsync(ct);
        AuditTrail.Add(db, AuditTrail.Segment, segment.Id, actor, "created", segment.Name, Now());
        await MaterializeAsync(db, segment, rule, ct);
        return segment;
    }

    public async Task<Segment> UpdateAsync(int id, string name, string? description, string ruleJson, string actor, CancellationToken ct)
    {
        var rule = Validate(name, ruleJson);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var segment = await FindAsync(db, id, ct);
        if (segment.Kind != SegmentKind.Rule)
        {
            throw new SegmentRuleException("A cluster segment follows its cluster; rename it, or duplicate it as a rule to edit.", []);
        }

        (segment.Name, segment.Description, segment.RuleJson) = (name.Trim(), description?.Trim(), ruleJson);
        AuditTrail.Add(db, AuditTrail.Segment, id, actor, "edited", segment.Name, Now());
        await db.SaveChangesAsync(ct);
        await MaterializeAsync(db, segment, rule, ct);
        return segment;
    }

    public async Task RenameAsync(int id, string name, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 128)
        {
            throw new SegmentRuleException("Give the segment a name of at most 128 characters.", []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await FindAsync(db, id, ct)).Name = name.Trim();
        AuditTrail.Add(db, AuditTrail.Segment, id, actor, "renamed", name.Trim(), Now());
        await db.SaveChangesAsync(ct);
    }

    public async Task<Segment> DuplicateAsync(int id, string actor, CancellationToken ct)
    {
        Segment source;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            source = await FindAsync(db, id, ct);
        }

        var name = $"Copy of {source.Name}";
        return await CreateAsync(name.Length > 128 ? name[..128] : name, source.Description, source.RuleJson, actor, ct);
    }

    public async Task ArchiveAsync(int id, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var segment = await FindAsync(db, id, ct);
        if (await db.CampaignTargets.AnyAsync(t => t.SegmentId == id, ct))
        {
            throw new SegmentRuleException("Campaigns still target this segment; remove it from them first.", []);
        }

        segment.IsArchived = true;
        await db.SegmentMembers.Where(m => m.SegmentId == id).ExecuteDeleteAsync(ct);
        AuditTrail.Add(db, AuditTrail.Segment, id, actor, "archived", segment.Name, Now());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adopts a cluster as a named segment whose members follow the cluster across reruns.</summary>
    public async Task<Segment> AdoptClusterAsync(string clusterKey, string name, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cluster = await db.Clusters.FirstOrDefaultAsync(c => c.Key == clusterKey, ct) ?? throw new KeyNotFoundException($"There is no cluster {clusterKey}.");
        var segment = new Segment
        {
            Name = string.IsNullOrWhiteSpace(name) ? cluster.Label : name.Trim(),
            Description = cluster.Label,
            Kind = SegmentKind.Cluster,
            ClusterKey = cluster.Key,
            RuleJson = "{}",
            CreatedAt = Now(),
        };
        db.Segments.Add(segment);
        await db.SaveChangesAsync(ct);
        var withdrawn = ConsentQueries.WithoutPersonalisation(db);
        var members = await db.ClusterAssignments.Where(a => a.ClusterKey == clusterKey && !withdrawn.Contains(a.ShopperId)).Select(a => a.ShopperId).ToListAsync(ct);
        db.SegmentMembers.AddRange(members.Select(m => new SegmentMember { SegmentId = segment.Id, ShopperId = m }));
        segment.Size = members.Count;
        segment.MaterialisedAt = Now();
        db.SegmentSizes.Add(new SegmentSizePoint { SegmentId = segment.Id, At = Now(), Size = members.Count });
        AuditTrail.Add(db, AuditTrail.Segment, segment.Id, actor, "created", $"{segment.Name}, from cluster {cluster.Key}", Now());
        await db.SaveChangesAsync(ct);
        return segment;
    }

    private static RuleNode Validate(string name, string ruleJson)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 128)
        {
            errors.Add("name: give the segment a name of at most 128 characters.");
        }

        var (rule, ruleErrors) = SegmentRule.Parse(ruleJson);
        errors.AddRange(ruleErrors);
        return errors.Count > 0 || rule is null ? throw new SegmentRuleException("The segment is not valid yet.", errors) : rule;
    }

    private async Task MaterializeAsync(AdStudioDb db, Segment segment, RuleNode rule, CancellationToken ct)
    {
        var audience = await audiences.GetAsync(ct);
        // The audience in memory may predate a withdrawal; membership never outlives it.
        var members = await ConsentQueries.PersonalisableAsync(db, audience.Members(rule), ct);
        await db.SegmentMembers.Where(m => m.SegmentId == segment.Id).ExecuteDeleteAsync(ct);
        db.SegmentMembers.AddRange(members.Select(m => new SegmentMember { SegmentId = segment.Id, ShopperId = m }));
        segment.Size = members.Count;
        segment.MaterialisedAt = Now();
        db.SegmentSizes.Add(new SegmentSizePoint { SegmentId = segment.Id, At = Now(), Size = members.Count });
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Segment> FindAsync(AdStudioDb db, int id, CancellationToken ct) =>
        await db.Segments.FirstOrDefaultAsync(s => s.Id == id && !s.IsArchived, ct) ?? throw new KeyNotFoundException($"There is no segment {id}.");

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
