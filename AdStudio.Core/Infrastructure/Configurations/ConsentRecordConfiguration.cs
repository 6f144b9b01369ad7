using AdStudio.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.Property(c => c.ShopperId).HasMaxLength(128);
        builder.Property(c => c.Source).HasMaxLength(16);
        builder.HasIndex(c => new { c.ShopperId, c.OccurredAt });
        // The consent-share chart reads by day.
        builder.HasIndex(c => c.OccurredAt);
    }
}
