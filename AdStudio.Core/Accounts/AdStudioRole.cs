using Microsoft.AspNetCore.Identity;

namespace AdStudio.Core.Accounts;

/// <summary>One of the fixed roles in <see cref="Roles"/>.</summary>
public sealed class AdStudioRole : IdentityRole<int>
{
    public AdStudioRole()
    {
    }

    public AdStudioRole(string name)
        : base(name)
    {
    }
}
