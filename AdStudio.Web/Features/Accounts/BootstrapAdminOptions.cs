namespace AdStudio.Web.Features.Accounts;

/// <summary><c>Auth:BootstrapAdmin</c>: e-mail and password of the first administrator.</summary>
public sealed class BootstrapAdminOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(Email) && !string.IsNullOrWhiteSpace(Password);
}
