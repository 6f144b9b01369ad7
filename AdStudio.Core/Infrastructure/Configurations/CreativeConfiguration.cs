using AdStudio.Core.Creatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class CreativeConfiguration : IEntityTypeConfiguration<Creative>
{
    public void Configure(EntityTypeBuilder<Creative> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(128);
        builder.Property(c => c.Headline).HasMaxLength(256);
        builder.Property(c => c.Body).HasMaxLength(1024);
        builder.Property(c => c.CallToAction).HasMaxLength(64);
        builder.Property(c => c.LandingUrl).HasMaxLength(2048);
        builder.Property(c => c.ApprovedLandingUrl).HasMaxLength(2048);
        builder.Property(c => c.Category).HasMaxLength(64);
        builder.Property(c => c.ImageUrl).HasMaxLength(512);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Tags).HasMaxLength(256);
        builder.Property(c => c.ContentHash).HasMaxLength(64);
        builder.Property(c => c.ThumbnailUrl).HasMaxLength(512);
        builder.Property(c => c.ReviewNotes).HasMaxLength(4096);
        builder.Property(c => c.ReviewedBy).HasMaxLength(128);
        builder.Property(c => c.LastEditedBy).HasMaxLength(128);
    }
}
