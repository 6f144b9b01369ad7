using AdStudio.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class AdEventConfiguration : IEntityTypeConfiguration<AdEvent>
{
    public void Configure(EntityTypeBuilder<AdEvent> builder)
    {
        builder.Property(e => e.DecisionId).HasMaxLength(128);
        builder.Property(e => e.ShopperId).HasMaxLength(128);
        builder.Property(e => e.Placement).HasMaxLength(64);

        // One impression, one click and one conversion per decision: repeats are ignored on insert.
        builder.HasIndex(e => new { e.DecisionId, e.Type }).IsUnique();
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.ShopperId, e.OccurredAt });
    }
}
