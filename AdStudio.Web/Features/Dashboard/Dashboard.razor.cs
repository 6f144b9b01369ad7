using AdStudio.Core.Infrastructure;
using AdStudio.Core.Reporting;
using AdStudio.Web.Components.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace AdStudio.Web.Features.Dashboard;

/// <summary>KPI cards and daily rates for a period and an optional campaign, all read from the rollups.</summary>
public sealed partial class Dashboard
{
    private const int DefaultDays = 30;

    [Inject] private KpiQuery Kpis { get; set; } = default!;

    [Inject] private IDbContextFactory<AdStudioDb> DbFactory { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ShopMoney Money { get; set; } = default!;

    private DateRange _range = new();
    private int? _campaignId;
    private List<CampaignOption> _campaigns = [];
    private KpiReport? _report;
    private ScottPlot.Plot? _chart;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        var today = Clock.GetUtcNow().UtcDateTime.Date;
        _range = new DateRange(today.AddDays(-(DefaultDays - 1)), today);
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _campaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Name)
                .Select(c => new CampaignOption(c.Id, c.Name)).ToListAsync();
        }

        await LoadAsync();
    }

    private async Task OnRangeChangedAsync(DateRange range)
    {
        _range = range;
        await LoadAsync();
    }

    private async Task OnCampaignChangedAsync(int? campaignId)
    {
        _campaignId = campaignId;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_range.Start is not { } start || _range.End is not { } end)
        {
            _error = "Choose a start and an end date.";
            return;
        }

        _error = null;
        _report = await Kpis.GetAsync(DateOnly.FromDateTime(start), DateOnly.FromDateTime(end), _campaignId, CancellationToken.None);
        _chart = KpiCharts.DailyRates(_report);
    }

    /// <summary>The period every card covers, from the report actually shown (not the picker, which may be half-chosen).</summary>
    private string Period(KpiReport report) =>
        PeriodText.Of(report.From, report.To, DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));

    private IEnumerable<(string Name, string Value, string? Definition)> Cards(Core.Reporting.Kpis k) =>
    [
        ("Impressions", KpiFormat.Count(k.Impressions), null),
        ("Clicks", KpiFormat.Count(k.Clicks), null),
        ("Conversions", KpiFormat.Count(k.Conversions), null),
        ("Spend", Money.Format(k.Spend), null),
        ("Revenue", Money.Format(k.Revenue), null),
        ("CTR", KpiFormat.Percent(k.Ctr), KpiDefinitions.Ctr),
        (KpiDefinitions.CvrName, KpiFormat.Percent(k.Cvr), KpiDefinitions.Cvr),
        ("ROI", KpiFormat.Percent(k.Roi, 0), KpiDefinitions.Roi),
    ];

    private sealed record CampaignOption(int Id, string Name);
}
