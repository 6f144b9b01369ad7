using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace AdStudio.Web.Features.Storefront;

/// <summary>Admins list, create and revoke storefront keys; a new key is shown once, in the create dialog.</summary>
public sealed partial class StorefrontKeys
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };

    private IReadOnlyList<StorefrontKeyDto>? _keys;
    private bool _createOpen;
    private string? _name;
    private string? _createError;
    private CreatedStorefrontKey? _created;
    private bool _copied;
    private bool _revokeOpen;
    private StorefrontKeyDto? _revoking;
    private bool _busy;

    [Inject]
    private StorefrontKeyService Keys { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    protected override async Task OnInitializedAsync() => _keys = await Keys.ListAsync(CancellationToken.None);

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private void OpenCreate()
    {
        (_name, _createError, _created, _copied) = (null, null, null, false);
        _createOpen = true;
    }

    private void CloseCreate()
    {
        // Forget the key: once the dialog is closed it cannot be shown again.
        (_name, _createError, _created, _copied) = (null, null, null, false);
        _createOpen = false;
    }

    private async Task CreateAsync()
    {
        _busy = true;
        try
        {
            var outcome = await Keys.CreateAsync(_name, await ActorAsync(), CancellationToken.None);
            _createError = outcome.Invalid ?? outcome.Conflict;
            _created = outcome.Created;
            if (_created is not null)
            {
                _keys = await Keys.ListAsync(CancellationToken.None);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CopyAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", _created!.Key);
            _copied = true;
        }
        catch (JSException)
        {
            // A browser without clipboard access: the key is still selectable in the field.
        }
    }

    private void AskRevoke(StorefrontKeyDto key)
    {
        _revoking = key;
        _revokeOpen = true;
    }

    private async Task RevokeAsync()
    {
        _busy = true;
        try
        {
            await Keys.RevokeAsync(_revoking!.Id, await ActorAsync(), CancellationToken.None);
            _keys = await Keys.ListAsync(CancellationToken.None);
            _revokeOpen = false;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<string> ActorAsync() => Actor.Of((await AuthenticationState).User);
}
