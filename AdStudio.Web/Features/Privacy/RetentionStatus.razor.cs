using System.Globalization;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Privacy;
using AdStudio.Core.Privacy.Retention;
using AdStudio.Web.Components.Common;
using AdStudio.Web.Features.Pipeline;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdStudio.Web.Features.Privacy;

/// <summary>
/// The retention settings with their cut-offs, the schedule and the last retention run from the ledger; an admin starts a
/// run here and follows its progress, polled every second as the Jobs page does, until it ends.
/// </summary>
public sealed partial class RetentionStatus
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    [Inject] private IOptions<PrivacyOptions> Privacy { get; set; } = default!;

    [Inject] private PipelineLedger Ledger { get; set; } = default!;

    [Inject] private PipelineLauncher Launcher { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private CircuitAccess Access { get; set; } = default!;

    private PagePoller? _poller;
    private RetentionCutoffs _cutoffs = new(DateTime.MinValue, DateTime.MinValue);
    private StepSchedule? _schedule;
    private PipelineRun? _last;
    private bool _mayRun;
    private string? _notice;

    private bool Underway => _last?.Status is PipelineRunStatus.Queued or PipelineRunStatus.Running;

    protected override async Task OnInitializedAsync()
    {
        _poller = new PagePoller(Clock);
        _cutoffs = RetentionCutoffs.At(Clock.GetUtcNow().UtcDateTime, Privacy.Value);
        _schedule = Launcher.Schedules().FirstOrDefault(s => s.Step == PipelineSteps.Retention);
        _mayRun = StepAccess.MayStart(await Access.UserAsync(), PipelineSteps.Retention) && Launcher.IsKnownStep(PipelineSteps.Retention);
        _last = await Ledger.NewestAsync(PipelineSteps.Retention, _poller.Stopping);
        if (Underway)
        {
            Follow();
        }
    }

    private async Task RunNowAsync()
    {
        // The button shows only for admins; the role is checked again here, on the server.
        var user = await Access.UserAsync();
        if (!StepAccess.MayStart(user, PipelineSteps.Retention))
        {
            _notice = "Only an admin may run retention: it deletes data.";
            return;
        }

        _notice = null;
        var launch = await Launcher.LaunchAsync(PipelineSteps.Retention, Actor.Of(user), _poller!.Stopping);
        _last = launch.Run;
        Follow();
    }

    // Polls the run until it ends; the poller does nothing when it is already following.
    private void Follow()
    {
        if (!RendererInfo.IsInteractive || _poller is null)
        {
            return;
        }

        _poller.Start(PollInterval, async () =>
        {
            var underway = true;
            await InvokeAsync(async () =>
            {
                _last = await Ledger.NewestAsync(PipelineSteps.Retention, _poller.Stopping);
                underway = Underway;
                StateHasChanged();
            });
            return underway;
        });
    }

    private static Color StatusColor(PipelineRunStatus status) => status switch
    {
        PipelineRunStatus.Succeeded => Color.Success,
        PipelineRunStatus.Failed => Color.Error,
        PipelineRunStatus.Running => Color.Primary,
        _ => Color.Default,
    };

    private static string When(PipelineRun run) => run switch
    {
        { FinishedAt: { } finished } => $"finished {Utc(finished)}",
        { StartedAt: { } started } => $"started {Utc(started)}",
        _ => $"queued {Utc(run.QueuedAt)}",
    };

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose() => _poller?.Dispose();
}
