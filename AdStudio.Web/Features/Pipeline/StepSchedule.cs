namespace AdStudio.Web.Features.Pipeline;

/// <summary>A step's recurring schedule: its cron (UTC) and when it runs next (null until Hangfire has planned it).</summary>
public sealed record StepSchedule(string Step, string Cron, DateTime? NextRun);
