using System.Text.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Serving;
using AdStudio.Web.Components.Common;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;
using ScottPlot;

namespace AdStudio.Web.Features.Models;

/// <summary>
/// Model versions with their diagnostics, promotion and roll back; "serving now" follows the serving snapshot, so it
/// changes on screen when the snapshot refresh picks up a promotion or roll back.
/// </summary>
public partial class Models : IDisposable
{
    private static readonly TimeSpan SnapshotPollInterval = TimeSpan.FromSeconds(1);
    private PagePoller? _poller;
    private long _seenSnapshot;
    private (ModelKind Kind, int VersionId)? _awaitedServing;

    private List<ModelVersion>? _models;
    private IReadOnlyList<ModelRun> _runs = [];
    private ModelVersion? _selected;
    private Plot? _roc;
    private Plot? _reliability;
    private Plot? _importance;
    private string? _notice;
    private Severity _noticeSeverity = Severity.Info;

    [Inject] private IDbContextFactory<AdStudioDb> DbFactory { get; set; } = default!;

    [Inject] private ModelRegistry Registry { get; set; } = default!;

    [Inject] private SnapshotHolder Holder { get; set; } = default!;

    [Inject] private ActiveModelLoader Loader { get; set; } = default!;

    [Inject] private IOptions<ServingOptions> Serving { get; set; } = default!;

    [Inject] private CircuitAccess Access { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _seenSnapshot = Holder.Current.Version;
        if (RendererInfo.IsInteractive)
        {
            // Reading the snapshot holder is a volatile read, so polling it every second costs nothing.
            _poller = new PagePoller(Clock);
            _poller.Start(SnapshotPollInterval, async () =>
            {
                await InvokeAsync(OnSnapshotTick);
                return true;
            });
        }

        await LoadAsync();
        var initial = _models!.FirstOrDefault(m => m.Kind == ModelKind.Ctr && m.Status == ModelStatus.Active) ?? _models!.FirstOrDefault();
        if (initial is not null)
        {
            Select(initial);
        }
    }

    private async Task LoadAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        _models = await db.ModelVersions.AsNoTracking().OrderByDescending(m => m.TrainedAt).ThenBy(m => m.Kind).ThenBy(m => m.Id).ToListAsync();
        _runs = ModelRun.Group(_models);
    }

    private void Select(ModelVersion version)
    {
        _selected = version;
        var diagnostics = Diagnostics(version);
        _roc = ModelCharts.Roc(diagnostics, version.Auc);
        _reliability = ModelCharts.Reliability(diagnostics);
        _importance = ModelCharts.Importance(diagnostics);
    }

    private async Task PromoteAsync(int id)
    {
        if (await Access.ActorIfAllowedAsync(Policies.Edit) is not { } actor)
        {
            (_notice, _noticeSeverity) = (CircuitAccess.Refused, Severity.Error);
            return;
        }

        // Promoting changes what every shopper is served: ask first, naming what goes and what comes.
        var chosen = _models?.FirstOrDefault(m => m.Id == id);
        var kind = chosen?.Kind.ToString().ToUpperInvariant() ?? "";
        var current = _models?.FirstOrDefault(m => m.Kind == chosen?.Kind && m.Status == ModelStatus.Active);
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Promote model #{id}?",
            $"Model #{id} ({chosen?.Trainer}, AUC {Metric(chosen?.Auc)}) becomes the active {kind} model"
            + (current is null ? "" : $" in place of #{current.Id} ({current.Trainer}, AUC {Metric(current.Auc)})")
            + $"; /serve scores with it within {Serving.Value.SnapshotRefreshSeconds} s. You can roll back.",
            yesText: "Promote", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var version = await Registry.PromoteAsync(id, actor, CancellationToken.None);
        _awaitedServing = (version.Kind, version.Id);
        await AfterChangeAsync($"Model #{version.Id} ({version.Trainer}) is now the active {version.Kind.ToString().ToUpperInvariant()} model.");
    }

    private async Task RollBackAsync(ModelKind kind)
    {
        if (await Access.ActorIfAllowedAsync(Policies.Edit) is not { } actor)
        {
            (_notice, _noticeSeverity) = (CircuitAccess.Refused, Severity.Error);
            return;
        }

        var name = kind.ToString().ToUpperInvariant();
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Roll back the {name} model?",
            $"The {name} model that was active before the current one serves again; /serve switches within {Serving.Value.SnapshotRefreshSeconds} s.",
            yesText: "Roll back", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        try
        {
            var version = await Registry.RollBackAsync(kind, actor, CancellationToken.None);
            _awaitedServing = (kind, version.Id);
            await AfterChangeAsync($"Rolled back: model #{version.Id} ({version.Trainer}) is the active {kind.ToString().ToUpperInvariant()} model again.");
        }
        catch (InvalidOperationException ex)
        {
            (_notice, _noticeSeverity) = (ex.Message, Severity.Warning);
        }
    }

    private async Task AfterChangeAsync(string message)
    {
        (_notice, _noticeSeverity) = ($"{message} Serving switches within {Serving.Value.SnapshotRefreshSeconds} s.", Severity.Success);
        await LoadAsync();
        if (_selected is not null)
        {
            Select(_models!.First(m => m.Id == _selected.Id));
        }
    }

    private void OnSnapshotTick()
    {
        var snapshot = Holder.Current;
        if (snapshot.Version == _seenSnapshot)
        {
            return;
        }

        _seenSnapshot = snapshot.Version;
        if (_awaitedServing is { } awaited && ServingVersion(snapshot.Models, awaited.Kind) == awaited.VersionId)
        {
            (_notice, _noticeSeverity) = ($"Serving now uses model #{awaited.VersionId} for {awaited.Kind.ToString().ToUpperInvariant()}.", Severity.Success);
            _awaitedServing = null;
        }

        StateHasChanged();
    }

    private static int? ServingVersion(ServingModels models, ModelKind kind) =>
        kind == ModelKind.Ctr ? models.Ctr?.VersionId : models.Cvr?.VersionId;

    public void Dispose()
    {
        _poller?.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Describe(int? versionId, string fallback)
    {
        if (versionId is not { } id)
        {
            return $"none active, so {fallback}";
        }

        var version = _models?.FirstOrDefault(m => m.Id == id);
        return version is null ? $"#{id}" : $"#{id} ({version.Trainer}, AUC {Metric(version.Auc)})";
    }

    private static ModelDiagnostics Diagnostics(ModelVersion version)
    {
        try
        {
            return string.IsNullOrEmpty(version.DiagnosticsJson) ? ModelDiagnostics.None : JsonSerializer.Deserialize<ModelDiagnostics>(version.DiagnosticsJson) ?? ModelDiagnostics.None;
        }
        catch (JsonException)
        {
            return ModelDiagnostics.None;
        }
    }

    private static string Metric(double? value) => ModelRun.Metric(value);
}
