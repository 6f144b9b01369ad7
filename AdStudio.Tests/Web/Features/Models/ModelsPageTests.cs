using System.Text.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Serving;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Models;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdStudio.Tests.Web.Features.Models;

public sealed class ModelsPageTests : IAsyncLifetime
{
    private static readonly DateTime TrainedAt = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    /// <summary>The page loads its versions after the first render: a database round trip, slower on PostgreSQL.</summary>
    private static readonly TimeSpan Loaded = TimeSpan.FromSeconds(10);
    private readonly FixedClock _clock = new(new DateTimeOffset(TrainedAt.AddHours(6)));
    private BunitContext _ui = null!;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private TestDatabase _db = null!;
    private ActiveModelLoader _loader = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var files = new ModelFiles(new LocalFileStore(new DataPaths(_db.Directory)));
        _loader = new ActiveModelLoader(files, _clock);
        _ui = UiTestContext.Create(services =>
        {
            services.AddSingleton(_db.Factory);
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton(new ModelRegistry(_db.Factory, _clock));
            services.AddSingleton(new SnapshotHolder());
            services.AddSingleton(_loader);
            services.AddSingleton(Options.Create(new ServingOptions { SnapshotRefreshSeconds = 10 }));
        });
        _dialogs = _ui.Render<MudDialogProvider>();
    }

    public async Task DisposeAsync()
    {
        await _ui.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void Page_WithoutModels_ExplainsHowToTrain()
    {
        var cut = _ui.Render<AdStudio.Web.Features.Models.Models>();

        cut.WaitForAssertion(() => Assert.Contains("No models trained yet", cut.Markup, StringComparison.Ordinal), Loaded);
        Assert.Contains("none active, so smoothed historical CTR", cut.Find("[data-testid='serving-models']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WithVersions_ShowsMetricsChartsAndCorruptActiveModel_ThenPromotesAndRollsBack()
    {
        var (active, candidate) = await AddVersionsAsync();
        // The active model's file is corrupt: loading it for serving records the problem the page must show.
        Directory.CreateDirectory(Path.Combine(_db.Directory, "models"));
        await File.WriteAllTextAsync(Path.Combine(_db.Directory, "models", "ctr-active.zip"), "garbage");
        await using (var db = _db.Open())
        {
            await _loader.LoadAsync(db, CancellationToken.None);
        }

        var cut = _ui.Render<AdStudio.Web.Features.Models.Models>();

        Assert.Contains($"CTR model #{active} is active but cannot be loaded", cut.WaitForElement("[data-testid='model-problem']", Loaded).TextContent, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid='model-table'] tbody tr").Count), Loaded);
        Assert.Equal(2, cut.FindAll("[data-testid='model-table'] tbody tr").Count);
        Assert.Contains("0.7100", cut.Find("[data-testid='model-table']").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("figure[data-chart='ROC curve'] svg"));
        Assert.NotEmpty(cut.FindAll("figure[data-chart='Reliability'] svg"));
        Assert.Contains("interests", cut.Find("figure[data-chart='Permutation feature importance'] svg").TextContent, StringComparison.Ordinal);

        await ConfirmAsync(cut.Find($"[data-testid='promote-{candidate}'] ").ClickAsync(new()), "Promote");

        Assert.Contains($"Model #{candidate} (lightgbm) is now the active CTR model", cut.Find("[data-testid='models-notice']").TextContent, StringComparison.Ordinal);
        Assert.Equal("active", cut.Find($"[data-status='{candidate}']").TextContent.Trim());

        await ConfirmAsync(cut.Find("[data-testid='rollback-ctr']").ClickAsync(new()), "Roll back");

        Assert.Equal("active", cut.Find($"[data-status='{active}']").TextContent.Trim());
        Assert.Equal("retired", cut.Find($"[data-status='{candidate}']").TextContent.Trim());
        await ConfirmAsync(cut.Find("[data-testid='rollback-cvr']").ClickAsync(new()), "Roll back");
        Assert.Contains("No earlier active CVR model", cut.Find("[data-testid='models-notice']").TextContent, StringComparison.Ordinal);
        await using var check = _db.Open();
        Assert.Equal(2, await check.AuditEntries.CountAsync(e => e.EntityType == ModelRegistry.AuditEntity && e.Actor == UiTestContext.UserEmail));
    }

    [Fact]
    public async Task Promote_AsksFirst_CancelChangesNothing()
    {
        var (active, candidate) = await AddVersionsAsync();
        var cut = _ui.Render<AdStudio.Web.Features.Models.Models>();

        var click = cut.WaitForElement($"[data-testid='promote-{candidate}']", Loaded).ClickAsync(new());

        _dialogs.WaitForAssertion(() => Assert.Contains($"Promote model #{candidate}?", _dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains($"in place of #{active}", _dialogs.Markup, StringComparison.Ordinal);
        await ConfirmAsync(click, "Cancel");
        Assert.Equal("candidate", cut.Find($"[data-status='{candidate}']").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid='models-notice']"));
        await using var db = _db.Open();
        Assert.Equal(ModelStatus.Active, (await db.ModelVersions.SingleAsync(v => v.Id == active)).Status);
    }

    [Fact]
    public async Task Page_RunThatRepeatsTheRunBefore_SaysNoChangeOnceInsteadOfItsRows()
    {
        var (active, candidate) = await AddVersionsAsync();
        await using (var db = _db.Open())
        {
            // The nightly run on unchanged data: the same trainers, rows and metrics, nothing promoted.
            var first = await db.ModelVersions.AsNoTracking().ToListAsync();
            db.ModelVersions.AddRange(first.Select(v => new ModelVersion
            {
                Kind = v.Kind,
                Trainer = v.Trainer,
                Status = ModelStatus.Candidate,
                FileName = "again-" + v.FileName,
                Rows = v.Rows,
                Auc = v.Auc,
                LogLoss = v.LogLoss,
                TrainedAt = TrainedAt.AddDays(1),
                DiagnosticsJson = v.DiagnosticsJson,
                FeatureLayoutJson = v.FeatureLayoutJson,
            }));
            await db.SaveChangesAsync();
        }

        var cut = _ui.Render<AdStudio.Web.Features.Models.Models>();

        cut.WaitForElement("[data-testid='run-no-change']", Loaded);
        Assert.Single(cut.FindAll("[data-testid='run-no-change']"));
        Assert.Contains("No change", cut.Find("[data-run-nochange='true']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-run-nochange='true'] tbody tr"));
        Assert.Equal([active, candidate], cut.FindAll("[data-testid='model-table'] tbody tr").Select(r => int.Parse(r.GetAttribute("data-version")!, System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Contains("CTR: 2 versions", cut.Find("[data-testid='run-summary']").TextContent, StringComparison.Ordinal);
    }

    /// <summary>Answers the message box the click opened with <paramref name="button"/>, then lets the click finish.</summary>
    private async Task ConfirmAsync(Task click, string button)
    {
        _dialogs.WaitForAssertion(() => Assert.Contains(_dialogs.FindAll("button"), b => b.TextContent.Trim() == button));
        await _dialogs.FindAll("button").First(b => b.TextContent.Trim() == button).ClickAsync(new());
        await click;
    }

    private async Task<(int Active, int Candidate)> AddVersionsAsync()
    {
        bool[] labels = [false, true, false, true, false, false, true, false];
        double[] scores = [0.1, 0.7, 0.2, 0.4, 0.5, 0.05, 0.9, 0.3];
        var diagnostics = JsonSerializer.Serialize(new ModelDiagnostics(
            BinaryMetrics.RocCurve(labels, scores), BinaryMetrics.Reliability(labels, scores),
            [new FeatureImportance("interests", 0.05, 0.004), new FeatureImportance("hour", 0.01, 0.001)]));
        ModelVersion Version(string trainer, ModelStatus status, string file, double auc) => new()
        {
            Kind = ModelKind.Ctr,
            Trainer = trainer,
            Status = status,
            FileName = file,
            Rows = 5000,
            Auc = auc,
            LogLoss = 0.11,
            TrainedAt = TrainedAt,
            ActivatedAt = status == ModelStatus.Active ? TrainedAt : null,
            DiagnosticsJson = diagnostics,
            FeatureLayoutJson = JsonSerializer.Serialize(new AdStudio.Core.Modeling.Features.FeatureLayout(["books"], ["sidebar"])),
        };
        await using var db = _db.Open();
        var active = Version("logistic_regression", ModelStatus.Active, "ctr-active.zip", 0.71);
        var candidate = Version("lightgbm", ModelStatus.Candidate, "ctr-candidate.zip", 0.69);
        db.ModelVersions.AddRange(active, candidate);
        await db.SaveChangesAsync();
        return (active.Id, candidate.Id);
    }
}
