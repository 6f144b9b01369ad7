using System.Security.Claims;
using AdStudio.Core.Accounts;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdStudio.Web.Features.Users;

/// <summary>The admin's users page: the same <see cref="UserAdministration"/> the API uses, with the admin policy checked again per change.</summary>
public sealed partial class Users
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    [Inject] private UserAdministration Admin { get; set; } = default!;

    [Inject] private CircuitAccess Access { get; set; } = default!;

    private IReadOnlyList<UserDto>? _users;
    private string _search = "";
    private string? _message;
    private Severity _messageSeverity = Severity.Success;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private bool _createOpen;
    private bool _rolesOpen;
    private bool _passwordOpen;
    private UserDto? _target;
    private string _email = "";
    private string _password = "";
    private HashSet<string> _roles = [];
    private string _me = "";

    protected override async Task OnInitializedAsync()
    {
        _me = Actor.Of(await Access.UserAsync());
        await LoadAsync();
    }

    private async Task LoadAsync() => _users = await Admin.ListAsync(CancellationToken.None);

    private bool IsMe(UserDto user) => string.Equals(user.Email, _me, StringComparison.OrdinalIgnoreCase);

    private bool Matches(UserDto user) => string.IsNullOrWhiteSpace(_search)
        || user.Email.Contains(_search, StringComparison.OrdinalIgnoreCase)
        || user.Roles.Any(r => r.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private void ClearMessage() => _message = null;

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Error(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private void OpenCreate()
    {
        (_email, _password, _roles, _errors) = ("", "", [Roles.Marketer], new Dictionary<string, string[]>());
        _createOpen = true;
    }

    private void OpenRoles(UserDto user)
    {
        (_target, _roles, _errors) = (user, [.. user.Roles], new Dictionary<string, string[]>());
        _rolesOpen = true;
    }

    private void OpenPassword(UserDto user)
    {
        (_target, _password, _errors) = (user, "", new Dictionary<string, string[]>());
        _passwordOpen = true;
    }

    private async Task CreateAsync()
    {
        if (await ChangeAsync(by => Admin.CreateAsync(_email, _password, [.. _roles], by, CancellationToken.None)))
        {
            _createOpen = false;
        }
    }

    private async Task SaveRolesAsync()
    {
        if (await ChangeAsync(by => Admin.SetRolesAsync(_target!.Id, [.. _roles], by, CancellationToken.None)))
        {
            _rolesOpen = false;
        }
    }

    private async Task ResetPasswordAsync()
    {
        if (await ChangeAsync(by => Admin.ResetPasswordAsync(_target!.Id, _password, by, CancellationToken.None)))
        {
            (_passwordOpen, _password) = (false, "");
        }
    }

    private Task<bool> DisableAsync(UserDto user) => ChangeAsync(by => Admin.DisableAsync(user.Id, by, CancellationToken.None));

    private Task<bool> EnableAsync(UserDto user) => ChangeAsync(by => Admin.EnableAsync(user.Id, by, CancellationToken.None));

    private Task<bool> ToggleTwoFactorAsync(UserDto user) =>
        ChangeAsync(by => Admin.RequireTwoFactorAsync(user.Id, !user.RequireTwoFactor, by, CancellationToken.None));

    /// <summary>Runs one change as the signed-in admin (checked again here), then shows its outcome; field errors stay in the open dialog.</summary>
    private async Task<bool> ChangeAsync(Func<ClaimsPrincipal, Task<UserOutcome>> change)
    {
        if (await Access.ActorIfAllowedAsync(Policies.Admin) is null)
        {
            (_message, _messageSeverity) = (CircuitAccess.Refused, Severity.Error);
            return false;
        }

        var outcome = await change(await Access.UserAsync());
        _errors = outcome.Errors ?? new Dictionary<string, string[]>();
        if (outcome.Kind == UserOutcomeKind.Invalid)
        {
            return false;
        }

        (_message, _messageSeverity) = (outcome.Message, outcome.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
        return outcome.Succeeded;
    }
}
