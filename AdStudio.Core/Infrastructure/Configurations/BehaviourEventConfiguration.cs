using AdStudio.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class BehaviourEventConfiguration : IEntityTypeConfiguration<BehaviourEvent>
{
    public void Configure(EntityTypeBuilder<BehaviourEvent> builder)
    {
        builder.Property(e => e.ShopperId).HasMaxLength(128);
        builder.Property(e => e.Category).HasMaxLength(64);
        builder.Property(e => e.ProductId).HasMaxLength(128);
        builder.Property(e => e.Query).HasMaxLength(256);
        builder.HasIndex(e => new { e.ShopperId, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt);
        builder.Property(e => e.ImportKey).HasMaxLength(64);
        builder.HasIndex(e => e.ImportKey).IsUnique();
        builder.Property(e => e.EventId).HasMaxLength(64);
        builder.HasIndex(e => new { e.ShopperId, e.EventId }).IsUnique().HasFilter("\"EventId\" IS NOT NULL");
    }
}
