namespace AdStudio.Core.Reporting;

/// <summary>The KPIs of one day.</summary>
public sealed record DailyKpis(DateOnly Date, Kpis Kpis);
