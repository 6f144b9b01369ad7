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
    [Inject] private KpiQuery Kpis { get; set; } = default!;

    [Inject] private IDbContextFactory<AdStudioDb> DbFactory { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private ShopMoney Money { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>First day of the period, <c>yyyy-MM-dd</c>, from the address.</summary>
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }

    /// <summary>Last day of the period (inclusive), <c>yyyy-MM-dd</c>, from the address.</summary>
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    /// <summary>Campaign id from the address; absent for all campaigns.</summary>
    [SupplyParameterFromQuery(Name = "campaign")] public string? Campaign { get; set; }

    private DateRange _range = new();
    private int? _campaignId;
    private List<CampaignOption> _campaigns = [];
    private KpiReport? _report;
    private ScottPlot.Plot? _chart;
    private string? _error;
    private DashboardFilter? _applied;

    protected override async Task OnInitializedAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        _campaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CampaignOption(c.Id, c.Name)).ToListAsync();
    }

    // The address is the filter's source of truth: on first load, after a reload or a shared link, and on back/forward.
    protected override async Task OnParametersSetAsync()
    {
        var filter = DashboardFilter.FromQuery(From, To, Campaign, Clock.GetUtcNow().UtcDateTime);
        if (filter.CampaignId is { } id && _campaigns.All(c => c.Id != id))
        {
            filter = filter with { CampaignId = null };
        }

        if (filter == _applied)
        {
            return;
        }

        _applied = filter;
        (_range, _campaignId) = (new DateRange(filter.Start, filter.End), filter.CampaignId);
        await LoadAsync();
    }

    private async Task OnRangeChangedAsync(DateRange range)
    {
        // The picker may report the range it was given (as it turns interactive): nothing to load or keep then.
        if (range.Start?.Date == _applied?.Start && range.End?.Date == _applied?.End)
        {
            _range = range;
            return;
        }

        _range = range;
        await LoadAsync();
        KeepInAddress();
    }

    private async Task OnCampaignChangedAsync(int? campaignId)
    {
        _campaignId = campaignId;
        await LoadAsync();
        KeepInAddress();
    }

    // Replaces the history entry rather than adding one: Back leaves the dashboard instead of stepping through filters.
    private void KeepInAddress()
    {
        if (_range.Start is not { } start || _range.End is not { } end)
        {
            return;
        }

        _applied = new DashboardFilter(start.Date, end.Date, _campaignId);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(_applied.ToQuery()), replace: true);
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

    private IEnumerable<(string Name, string Value, string? Definition)> Cards(Core.Reporting.Kpis totals) =>
    [
        ("Impressions", KpiFormat.Count(totals.Impressions), null),
        ("Clicks", KpiFormat.Count(totals.Clicks), null),
        ("Conversions", KpiFormat.Count(totals.Conversions), null),
        ("Spend", Money.Format(totals.Spend), null),
        ("Revenue", Money.Format(totals.Revenue), null),
        ("CTR", KpiFormat.Percent(totals.Ctr), KpiDefinitions.Ctr),
        (KpiDefinitions.CvrName, KpiFormat.Percent(totals.Cvr), KpiDefinitions.Cvr),
        ("ROI", KpiFormat.Percent(totals.Roi, 0), KpiDefinitions.Roi),
    ];

    private sealed record CampaignOption(int Id, string Name);
}
