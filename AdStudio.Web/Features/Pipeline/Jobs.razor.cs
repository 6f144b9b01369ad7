using AdStudio.Core.Pipeline;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>Lists pipeline runs and polls the ledger every second, so progress moves without a page refresh.</summary>
public sealed partial class Jobs
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    [Inject] private PipelineLedger Ledger { get; set; } = default!;

    [Inject] private PipelineLauncher Launcher { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private IOptions<PipelineOptions> Options { get; set; } = default!;

    [Inject] private CircuitAccess Access { get; set; } = default!;

    private readonly CancellationTokenSource _stop = new();
    private List<PipelineRun>? _runs;
    private string? _notice;
    private IReadOnlyList<StepSchedule> _schedules = [];
    private List<string> _startable = [];

    protected override async Task OnInitializedAsync()
    {
        _schedules = Launcher.Schedules();
        var user = await Access.UserAsync();
        _startable = [.. Launcher.Steps.Where(step => StepAccess.MayStart(user, step))];
        await RefreshAsync();
        if (RendererInfo.IsInteractive)
        {
            _ = PollAsync();
        }
    }

    private async Task PollAsync()
    {
        using var timer = new PeriodicTimer(PollInterval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
    }

    private async Task RefreshAsync() => _runs = await Ledger.RecentAsync(100, _stop.Token);

    private async Task StartAsync(string step)
    {
        // The buttons only show what the role may start; the role is checked again here, on the server.
        var user = await Access.UserAsync();
        if (!StepAccess.MayStart(user, step))
        {
            _notice = $"Your role may not start the '{step}' step.";
            return;
        }

        var (run, alreadyUnderWay) = await Launcher.LaunchAsync(step, Actor.Of(user), _stop.Token);
        _notice = alreadyUnderWay ? $"Run #{run.Id} ({step}) is already under way." : $"Run #{run.Id} ({step}) is queued.";
        await RefreshAsync();
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

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
