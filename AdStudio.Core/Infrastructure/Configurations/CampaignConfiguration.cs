using AdStudio.Core.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(128);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.BidType).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Placements).HasMaxLength(512);
        builder.Property(c => c.Objective).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Dayparting).HasMaxLength(168);
        builder.HasMany(c => c.Targets).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Creatives).WithMany().UsingEntity("CampaignCreatives");
    }
}
