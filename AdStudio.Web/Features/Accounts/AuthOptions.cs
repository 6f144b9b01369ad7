using System.ComponentModel.DataAnnotations;

namespace AdStudio.Web.Features.Accounts;

/// <summary>Sign-in, API tokens and storefront keys (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The first administrator, created at start when both are set and no user exists yet.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>How long a bearer token from <c>POST /api/auth/token</c> is valid.</summary>
    [Range(1, 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>How often a signed-in session is checked against the account (disabled, roles or password changed).</summary>
    [Range(1, 3600)]
    public int SessionCheckSeconds { get; set; } = 60;

    /// <summary>How long a UI sign-in lasts without activity.</summary>
    [Range(5, 7 * 24 * 60)]
    public int SessionIdleMinutes { get; set; } = 8 * 60;

    /// <summary>Storefront keys from configuration, for deployments and tests; admins create the others in the app.</summary>
    public string[] StorefrontKeys { get; set; } = [];
}
