using AdStudio.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> builder)
    {
        builder.Property(r => r.Type).HasMaxLength(16);
        builder.Property(r => r.MaskedShopperId).HasMaxLength(32);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.Counts).HasMaxLength(4096);
        builder.HasIndex(r => r.RequestedAt);
    }
}
