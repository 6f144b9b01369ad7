using AdStudio.Core.Accounts;
using AdStudio.Core.Infrastructure;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace AdStudio.Web.Features.Accounts;

public static class AccountsSetup
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary>Identity users and roles in AdStudio's database, UI cookies, API bearer tokens and the role policies.</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AuthOptions>(AuthOptions.SectionName);
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();

        // One key ring in the database: cookies and tokens survive restarts and are read by every node.
        builder.Services.AddDataProtection().SetApplicationName("AdStudio").PersistKeysToDbContext<AdStudioDb>();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = AuthSchemes.Default;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(AuthSchemes.Default, "Cookie or bearer token", o => o.ForwardDefaultSelector = AuthSchemes.Select)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(auth.TokenLifetimeMinutes))
            .AddIdentityCookies();

        builder.Services.AddIdentityCore<AdStudioUser>(PasswordAndLockout.Configure)
            .AddRoles<AdStudioRole>()
            .AddEntityFrameworkStores<AdStudioDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        builder.Services.AddScoped<IUserConfirmation<AdStudioUser>, EnabledUserConfirmation>();
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(auth.SessionCheckSeconds));
        builder.Services.ConfigureApplicationCookie(o => ConfigureCookie(o, auth));

        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.Configure<Microsoft.AspNetCore.Authorization.AuthorizationOptions>(AccountPolicies.Add);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        builder.Services.AddScoped<CircuitAccess>();
        builder.Services.AddSingleton<SetupToken>();
        builder.Services.AddSingleton<AccountBootstrapper>();
        builder.Services.AddScoped<TokenIssuer>();
        builder.Services.AddSingleton<SignInAudit>();
        builder.Services.AddSingleton<AccountAudit>();
        return builder;
    }

    /// <summary>
    /// Authentication, the bearer-token stamp check, the set-up and two-factor gates for pages, then authorization
    /// (after routing, so endpoint rules apply).
    /// </summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<BearerStampCheck>();
        app.UseMiddleware<SetupGate>();
        app.UseMiddleware<TwoFactorGate>();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapTokenEndpoint();
        app.MapSignOut();
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, AuthOptions auth)
    {
        options.Cookie.Name = "AdStudio.Auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(auth.SessionIdleMinutes);
        options.SlidingExpiration = true;
        options.LoginPath = SignInPath;
        options.LogoutPath = SignOutPath;
        options.AccessDeniedPath = AccessDeniedPath;

        // The API answers in problem details; only pages are sent to the sign-in form.
        options.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context =>
        {
            // The access-denied page names the role the refused page needs.
            var policy = AccountPolicies.NamedBy(
                context.HttpContext.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() ?? []);
            if (policy is not null)
            {
                context.RedirectUri = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(context.RedirectUri, "need", policy);
            }

            return Challenge(context, StatusCodes.Status403Forbidden);
        };
    }

    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!ApiPaths.IsApi(context.Request.Path))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
