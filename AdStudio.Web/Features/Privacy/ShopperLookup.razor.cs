using System.Globalization;
using System.Text.Json;
using AdStudio.Core.Privacy;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace AdStudio.Web.Features.Privacy;

public sealed partial class ShopperLookup
{
    private string? _shopperId;
    private string? _lookedUp;
    private ShopperSummary? _summary;
    private (string Href, string FileName)? _download;
    private IReadOnlyDictionary<string, int>? _removed;
    private int _erasureId;
    private string? _message;
    private Severity _severity = Severity.Info;
    private bool _busy;

    [Inject] private ShopperAccess Access { get; set; } = default!;

    [Inject] private ShopperEraser Eraser { get; set; } = default!;

    [Inject] private CircuitAccess Circuit { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private PrivacyRequestEvents Requests { get; set; } = default!;

    private static string YesNo(bool? value) => value switch { true => "given", false => "not given", null => "unknown (no shopper record)" };

    private async Task OnKeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await LookUpAsync();
        }
    }

    private async Task LookUpAsync()
    {
        Clear();
        if (ShopperIds.Problem(_shopperId) is { } problem)
        {
            (_message, _severity) = (problem, Severity.Warning);
            return;
        }

        await RunAsync(async () =>
        {
            var shopperId = _shopperId!;
            _summary = await Access.SummarizeAsync(shopperId, CancellationToken.None);
            _lookedUp = _summary is null ? null : shopperId;
            if (_summary is null)
            {
                (_message, _severity) = ("AdStudio holds nothing about this shopper id.", Severity.Info);
            }
        });
    }

    private async Task ExportAsync()
    {
        if (_lookedUp is not { } shopperId || await Circuit.ActorIfAllowedAsync(Policies.Admin) is not { } actor)
        {
            (_message, _severity) = (CircuitAccess.Refused, Severity.Error);
            return;
        }

        await RunAsync(async () =>
        {
            var document = await Access.ReadAsync(shopperId, actor, CancellationToken.None);
            if (document is null)
            {
                (_message, _severity) = ("AdStudio no longer holds anything about this shopper.", Severity.Info);
                return;
            }

            var json = JsonSerializer.SerializeToUtf8Bytes(document, AccessDocumentJson.Options);
            _download = ($"data:application/json;base64,{Convert.ToBase64String(json)}", $"access-{document.MaskedShopperId}.json");
            await Requests.RaiseAsync();
        });
    }

    private async Task EraseAsync()
    {
        if (_lookedUp is not { } shopperId || _summary is not { } summary || await Circuit.ActorIfAllowedAsync(Policies.Admin) is not { } actor)
        {
            (_message, _severity) = (CircuitAccess.Refused, Severity.Error);
            return;
        }

        // Erasure cannot be undone: name everything that goes.
        var held = string.Join(", ", summary.Counts.Where(c => c.Value > 0).Select(c => $"{c.Value.ToString("N0", CultureInfo.CurrentCulture)} {c.Key}"));
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Erase shopper {summary.MaskedShopperId}?",
            $"This removes {held} (ad events keep their counts without the shopper id), their segment and serving data in memory, "
            + "and blocks their later events until they consent again. It cannot be undone.",
            yesText: "Erase", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async () =>
        {
            var result = await Eraser.EraseAsync(shopperId, actor, CancellationToken.None);
            var masked = summary.MaskedShopperId;
            Clear();
            (_removed, _erasureId) = (result.Removed, result.RequestId);
            (_message, _severity) = ($"Shopper {masked} is erased.", Severity.Success);
            await Requests.RaiseAsync();
        });
    }

    private async Task RunAsync(Func<Task> work)
    {
        _busy = true;
        try
        {
            await work();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Clear()
    {
        (_summary, _lookedUp, _download, _removed, _message) = (null, null, null, null, null);
    }
}
