using AdStudio.Core.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class ClusterAssignmentConfiguration : IEntityTypeConfiguration<ClusterAssignment>
{
    public void Configure(EntityTypeBuilder<ClusterAssignment> builder)
    {
        builder.HasKey(a => a.ShopperId);
        builder.Property(a => a.ShopperId).HasMaxLength(128);
        builder.Property(a => a.ClusterKey).HasMaxLength(64);
        builder.HasIndex(a => a.ClusterKey);
    }
}
