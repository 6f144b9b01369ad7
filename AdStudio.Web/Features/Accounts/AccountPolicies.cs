using Microsoft.AspNetCore.Authorization;

namespace AdStudio.Web.Features.Accounts;

/// <summary>Policies of the account pages themselves, which every signed-in person needs whatever their roles.</summary>
public static class AccountPolicies
{
    /// <summary>Signed in, with or without a role: change password, two-factor, access denied, sign out.</summary>
    public const string SignedIn = "signed-in";

    public static void Add(AuthorizationOptions options) => options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());

    /// <summary>The policy an endpoint or page names, for telling a refused user which role it needs.</summary>
    public static string? NamedBy(IEnumerable<IAuthorizeData> rules) => rules.Select(r => r.Policy).LastOrDefault(p => p is not null);
}
