using AdStudio.Core.Campaigns;
using AdStudio.Core.Modeling.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class CampaignAudienceConfiguration : IEntityTypeConfiguration<CampaignAudience>
{
    public void Configure(EntityTypeBuilder<CampaignAudience> builder)
    {
        builder.HasKey(a => a.CampaignId);
        builder.HasOne<Campaign>().WithOne().HasForeignKey<CampaignAudience>(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
