using AdStudio.Core.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class StorefrontKeyConfiguration : IEntityTypeConfiguration<StorefrontKey>
{
    public void Configure(EntityTypeBuilder<StorefrontKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.CreatedBy).HasMaxLength(128);
        builder.Property(k => k.RevokedBy).HasMaxLength(128);
        builder.HasIndex(k => k.KeyHash).IsUnique();
    }
}
