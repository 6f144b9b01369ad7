using AdStudio.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdStudio.Core.Infrastructure.Configurations;

internal sealed class AdStudioUserConfiguration : IEntityTypeConfiguration<AdStudioUser>
{
    public void Configure(EntityTypeBuilder<AdStudioUser> builder) => builder.Ignore(u => u.IsDisabled);
}
