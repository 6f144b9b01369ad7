using AdStudio.Core.Shoppers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class ShopperConfiguration : IEntityTypeConfiguration<Shopper>
{
    public void Configure(EntityTypeBuilder<Shopper> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(128);
        builder.Property(s => s.AgeBand).HasMaxLength(16);
        builder.Property(s => s.Gender).HasMaxLength(16);
        builder.Property(s => s.Region).HasMaxLength(64);
    }
}
