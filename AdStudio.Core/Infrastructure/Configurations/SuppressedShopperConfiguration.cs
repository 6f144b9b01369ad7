using AdStudio.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class SuppressedShopperConfiguration : IEntityTypeConfiguration<SuppressedShopper>
{
    public void Configure(EntityTypeBuilder<SuppressedShopper> builder)
    {
        builder.HasKey(s => s.KeyHash);
        builder.Property(s => s.KeyHash).HasMaxLength(64);
    }
}
