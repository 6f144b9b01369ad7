using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace AdStudio.Web.Components.Common;

/// <summary>Warns before a form with unsaved edits is discarded, by an in-app link or by closing or reloading the tab.</summary>
public sealed partial class UnsavedChangesGuard
{
    /// <summary>Title of the in-app confirmation; tests find the dialog by it.</summary>
    public const string Title = "Discard your changes?";

    /// <summary>
    /// Asked at render time (for the browser prompt) and again when a navigation starts. A function rather than a bool,
    /// so a page that saves and navigates in the same handler is already clean when the navigation is checked.
    /// </summary>
    [Parameter, EditorRequired] public Func<bool> Dirty { get; set; } = () => false;

    /// <summary>What is lost, in the page's words.</summary>
    [Parameter] public string Message { get; set; } = "You have unsaved changes on this page. Leave and discard them?";

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private async Task ConfirmAsync(LocationChangingContext context)
    {
        if (!Dirty())
        {
            return;
        }

        var leave = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = Title,
            Message = Message,
            YesText = "Leave and discard",
            CancelText = "Stay on this page",
        });
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
