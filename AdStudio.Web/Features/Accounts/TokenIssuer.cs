using AdStudio.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Accounts;

/// <summary>The outcome of a token request: a token, or why not (one reason for the log and audit, one answer for the caller).</summary>
public sealed record TokenOutcome(TokenResponse? Token, AdStudioUser? User, string Reason);

/// <summary>
/// Checks e-mail and password (counting failures toward lockout) and issues a bearer token protected by the
/// shared Data Protection key ring, so any node can read it until it expires.
/// </summary>
public sealed class TokenIssuer(
    UserManager<AdStudioUser> users,
    SignInManager<AdStudioUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearer,
    IOptions<AuthOptions> auth,
    TimeProvider clock)
{
    public async Task<TokenOutcome> IssueAsync(TokenRequest request)
    {
        var user = string.IsNullOrWhiteSpace(request.Email) ? null : await users.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            return new(null, null, "unknown e-mail");
        }

        var check = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return new(null, user, "locked out");
        }

        if (check.IsNotAllowed)
        {
            return new(null, user, "disabled");
        }

        if (!check.Succeeded)
        {
            return new(null, user, "wrong password");
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            var code = (request.TwoFactorCode ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return new(null, user, "two-factor code missing or wrong");
            }
        }
        else if (user.RequireTwoFactor)
        {
            return new(null, user, "two-factor sign-in required but not set up");
        }

        var lifetime = TimeSpan.FromMinutes(auth.Value.TokenLifetimeMinutes);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + lifetime };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        var token = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
        return new(new TokenResponse(token, "Bearer", (long)lifetime.TotalSeconds), user, "ok");
    }
}
