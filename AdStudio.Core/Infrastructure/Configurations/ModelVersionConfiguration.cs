using AdStudio.Core.Modeling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Trainer).HasMaxLength(64);
        builder.Property(m => m.FileName).HasMaxLength(256);

        // At most one active model per kind; the registry retires the old one first, in the same transaction.
        builder.HasIndex(m => m.Kind).IsUnique().HasFilter("\"Status\" = 'Active'").HasDatabaseName("IX_ModelVersions_Kind_Active");
    }
}
