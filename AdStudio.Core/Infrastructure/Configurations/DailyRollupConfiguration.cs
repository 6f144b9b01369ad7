using AdStudio.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class DailyRollupConfiguration : IEntityTypeConfiguration<DailyRollup>
{
    public void Configure(EntityTypeBuilder<DailyRollup> builder)
    {
        builder.HasKey(r => new { r.Date, r.CampaignId, r.CreativeId, r.VariantId });
        builder.HasIndex(r => new { r.CampaignId, r.Date });
    }
}
