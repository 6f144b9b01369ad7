using AdStudio.Core.Pipeline;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>Lists pipeline runs and polls the ledger every second, so progress moves without a page refresh.</summary>
public sealed partial class Jobs
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    [Inject] private PipelineLedger Ledger { get; set; } = default!;

    [Inject] private PipelineLauncher Launcher { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private readonly CancellationTokenSource _stop = new();
    private List<PipelineRun>? _runs;
    private string? _notice;
    private IReadOnlyList<StepSchedule> _schedules = [];

    protected override async Task OnInitializedAsync()
    {
        _schedules = Launcher.Schedules();
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
        var (run, alreadyUnderWay) = await Launcher.LaunchAsync(step, _stop.Token);
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

    private string Duration(PipelineRun run)
    {
        if (run.StartedAt is not { } started)
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
