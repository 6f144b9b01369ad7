using AdStudio.Core.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class PipelineRunConfiguration : IEntityTypeConfiguration<PipelineRun>
{
    public void Configure(EntityTypeBuilder<PipelineRun> builder)
    {
        builder.Property(r => r.Step).HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Message).HasMaxLength(4096);
        builder.Property(r => r.NodeId).HasMaxLength(64);
        builder.HasIndex(r => r.Status);

        // At most one unfinished run per step, enforced by the database so concurrent triggers (a schedule,
        // a click, another node) cannot both queue it. Status is stored by name.
        builder.HasIndex(r => r.Step)
            .IsUnique()
            .HasFilter("\"Status\" IN ('Queued', 'Running')")
            .HasDatabaseName("IX_PipelineRuns_Step_Unfinished");
    }
}
