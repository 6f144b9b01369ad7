using Microsoft.AspNetCore.Identity;

namespace AdStudio.Core.Accounts;

/// <summary>A person who signs in to AdStudio. The e-mail address is also the user name.</summary>
public sealed class AdStudioUser : IdentityUser<int>
{
    public DateTime CreatedAt { get; set; }

    /// <summary>When an admin disabled the account; a disabled user cannot sign in and loses every session.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>An admin requires an authenticator app: the user must enrol before using anything else.</summary>
    public bool RequireTwoFactor { get; set; }

    public bool IsDisabled => DisabledAt is not null;
}
