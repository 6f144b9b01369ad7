using AdStudio.Core.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class CampaignTargetConfiguration : IEntityTypeConfiguration<CampaignTarget>
{
    public void Configure(EntityTypeBuilder<CampaignTarget> builder)
    {
        builder.HasKey(t => new { t.CampaignId, t.SegmentId });
        builder.HasOne(t => t.Segment).WithMany().HasForeignKey(t => t.SegmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
