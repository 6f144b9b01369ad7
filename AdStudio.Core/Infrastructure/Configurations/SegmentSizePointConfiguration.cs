using AdStudio.Core.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class SegmentSizePointConfiguration : IEntityTypeConfiguration<SegmentSizePoint>
{
    public void Configure(EntityTypeBuilder<SegmentSizePoint> builder)
    {
        builder.HasIndex(p => new { p.SegmentId, p.At });
        builder.HasOne<Segment>().WithMany().HasForeignKey(p => p.SegmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
