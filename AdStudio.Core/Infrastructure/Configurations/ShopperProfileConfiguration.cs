using AdStudio.Core.Profiling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class ShopperProfileConfiguration : IEntityTypeConfiguration<ShopperProfile>
{
    public void Configure(EntityTypeBuilder<ShopperProfile> builder)
    {
        builder.HasKey(p => p.ShopperId);
        builder.Property(p => p.ShopperId).HasMaxLength(128);
        builder.Property(p => p.TopCategories).HasMaxLength(256);
        builder.Property(p => p.PreferredDaypart).HasMaxLength(16);
    }
}
