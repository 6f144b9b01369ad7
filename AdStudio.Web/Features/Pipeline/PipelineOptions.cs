using System.ComponentModel.DataAnnotations;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>Background job settings (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Hangfire workers in this process.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 2;

    /// <summary>Cron (UTC) of the reconciling rollup rebuild; empty to disable.</summary>
    public string? RollupCron { get; set; } = "30 2 * * *";

    /// <summary>Cron (UTC) of the incremental profiling run (a full run happens at most daily by itself); empty to disable.</summary>
    public string? ProfileCron { get; set; } = "*/15 * * * *";

    /// <summary>Cron (UTC) of model training (click and conversion models, champion/challenger); empty to disable.</summary>
    public string? TrainCron { get; set; } = "0 3 * * *";

    /// <summary>Cron (UTC) of audience scoring with the active models; empty to disable.</summary>
    public string? ScoreCron { get; set; } = "15 * * * *";
}
