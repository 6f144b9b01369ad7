using AdStudio.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AdStudio.Web.Features.Accounts;

/// <summary>
/// Identity asks whether an account is "confirmed" before every sign-in; AdStudio has no e-mail confirmation
/// (no mail server is assumed), so confirmed means "not disabled by an admin".
/// </summary>
public sealed class EnabledUserConfirmation : IUserConfirmation<AdStudioUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AdStudioUser> manager, AdStudioUser user) => Task.FromResult(!user.IsDisabled);
}
