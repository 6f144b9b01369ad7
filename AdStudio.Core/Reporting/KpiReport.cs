namespace AdStudio.Core.Reporting;

/// <summary>Totals over a period and the same per day (every day of the period, zero where nothing happened).</summary>
public sealed record KpiReport(DateOnly From, DateOnly To, Kpis Totals, IReadOnlyList<DailyKpis> Days);
