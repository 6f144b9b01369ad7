using AdStudio.Core.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.Property(s => s.ClusterKey).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(128);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Description).HasMaxLength(1024);
    }
}
