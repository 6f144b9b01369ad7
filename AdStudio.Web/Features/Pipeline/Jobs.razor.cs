using AdStudio.Core.Pipeline;
using AdStudio.Web.Components.Common;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>
/// Lists pipeline runs and polls the ledger every second, so progress moves without a page refresh; the notice of a run
/// started here turns into its outcome when it ends.
/// </summary>
public sealed partial class Jobs
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    [Inject] private PipelineLedger Ledger { get; set; } = default!;

    [Inject] private PipelineLauncher Launcher { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private IOptions<PipelineOptions> Options { get; set; } = default!;

    [Inject] private CircuitAccess Access { get; set; } = default!;

    private PagePoller? _poller;
    private List<PipelineRun>? _runs;
    private string? _notice;
    private Severity _noticeSeverity = Severity.Info;
    private string _noticeState = "";
    private int? _noticeRunId;
    private IReadOnlyList<StepSchedule> _schedules = [];
    private List<string> _startable = [];

    private CancellationToken Stopping => _poller?.Stopping ?? CancellationToken.None;

    protected override async Task OnInitializedAsync()
    {
        _poller = new PagePoller(Clock);
        _schedules = Launcher.Schedules();
        var user = await Access.UserAsync();
        _startable = [.. Launcher.Steps.Where(step => StepAccess.MayStart(user, step))];
        await RefreshAsync();
        if (RendererInfo.IsInteractive)
        {
            _poller.Start(PollInterval, async () =>
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync();
                    StateHasChanged();
                });
                return true;
            });
        }
    }

    private async Task RefreshAsync()
    {
        _runs = await Ledger.RecentAsync(100, Stopping);
        if (_noticeRunId is { } id)
        {
            var run = _runs.FirstOrDefault(r => r.Id == id) ?? await Ledger.FindAsync(id, Stopping);
            if (run is not null)
            {
                UpdateNotice(run);
            }
        }
    }

    // The notice of a run started here follows it: queued, then running, then its outcome and message.
    private void UpdateNotice(PipelineRun run)
    {
        _noticeState = run.Status.ToString().ToLowerInvariant();
        (_notice, _noticeSeverity) = run.Status switch
        {
            PipelineRunStatus.Succeeded => ($"Run #{run.Id} ({run.Step}) finished. {run.Message}".TrimEnd(), Severity.Success),
            PipelineRunStatus.Failed => ($"Run #{run.Id} ({run.Step}) failed: {run.Message}", Severity.Error),
            PipelineRunStatus.Running => ($"Run #{run.Id} ({run.Step}) is running: {run.Progress} %.", Severity.Info),
            _ => (_notice, _noticeSeverity),
        };
        if (run.Status is PipelineRunStatus.Succeeded or PipelineRunStatus.Failed)
        {
            _noticeRunId = null;
        }
    }

    private async Task StartAsync(string step)
    {
        // The buttons only show what the role may start; the role is checked again here, on the server.
        var user = await Access.UserAsync();
        if (!StepAccess.MayStart(user, step))
        {
            (_notice, _noticeSeverity, _noticeState, _noticeRunId) = ($"Your role may not start the '{step}' step.", Severity.Error, "refused", null);
            return;
        }

        var (run, alreadyUnderWay) = await Launcher.LaunchAsync(step, Actor.Of(user), Stopping);
        _notice = alreadyUnderWay ? $"Run #{run.Id} ({step}) is already under way." : $"Run #{run.Id} ({step}) is queued.";
        (_noticeSeverity, _noticeState, _noticeRunId) = (Severity.Info, "queued", null);
        await RefreshAsync();

        // Followed from the next poll on, so "queued" shows at least once even for a run that ends at once.
        _noticeRunId = run.Id;
    }

    private static Color StatusColor(PipelineRunStatus status) => status switch
    {
        PipelineRunStatus.Succeeded => Color.Success,
        PipelineRunStatus.Failed => Color.Error,
        PipelineRunStatus.Running => Color.Primary,
        _ => Color.Default,
    };

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"attempt 2 of 3" once started; a waiting run shows the attempt it is waiting for.</summary>
    private string AttemptText(PipelineRun run)
    {
        var attempt = run.Status == PipelineRunStatus.Queued ? run.Attempt + 1 : run.Attempt;
        return attempt == 0 ? "—" : $"attempt {attempt} of {Options.Value.MaxAttempts}";
    }

    // The current attempt's time: a run interrupted by a restart does not count the downtime.
    private string Duration(PipelineRun run)
    {
        if (run.Status == PipelineRunStatus.Queued || (run.AttemptStartedAt ?? run.StartedAt) is not { } started)
        {
            return "—";
        }

        var end = run.FinishedAt ?? Clock.GetUtcNow().UtcDateTime;
        var span = end - started;
        return span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s" : $"{span.TotalSeconds:F1} s";
    }

    public void Dispose() => _poller?.Dispose();
}
