using AdStudio.Core.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class ClusterNodeConfiguration : IEntityTypeConfiguration<ClusterNode>
{
    public void Configure(EntityTypeBuilder<ClusterNode> builder)
    {
        builder.Property(n => n.Id).HasMaxLength(64);
        builder.Property(n => n.Roles).HasMaxLength(64);
        builder.HasIndex(n => n.HeartbeatAt);
    }
}
