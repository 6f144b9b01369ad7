using AdStudio.Core.Creatives;
using AdStudio.Core.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class VariantConfiguration : IEntityTypeConfiguration<Variant>
{
    public void Configure(EntityTypeBuilder<Variant> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(64);
        builder.HasOne<Creative>().WithMany().HasForeignKey(v => v.CreativeId).OnDelete(DeleteBehavior.Restrict);
    }
}
