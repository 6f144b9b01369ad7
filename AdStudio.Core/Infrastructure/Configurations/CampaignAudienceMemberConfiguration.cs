using AdStudio.Core.Modeling.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class CampaignAudienceMemberConfiguration : IEntityTypeConfiguration<CampaignAudienceMember>
{
    public void Configure(EntityTypeBuilder<CampaignAudienceMember> builder)
    {
        builder.HasKey(m => new { m.CampaignId, m.Rank });
        builder.Property(m => m.ShopperId).HasMaxLength(128);
    }
}
