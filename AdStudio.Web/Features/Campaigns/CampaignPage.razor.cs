using AdStudio.Core.Auditing;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Reporting;
using AdStudio.Core.Shop;
using AdStudio.Web.Components.Common;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Features.Dashboard;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Campaigns;

/// <summary>One campaign: its KPIs, budget burn, daily charts, creatives, audience and history.</summary>
public sealed partial class CampaignPage
{
    private const int ReportDays = 30;

    [Parameter] public int Id { get; set; }

    [Inject] private IDbContextFactory<AdStudioDb> DbFactory { get; set; } = default!;

    [Inject] private CampaignService Campaigns { get; set; } = default!;

    [Inject] private KpiQuery Kpis { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private CircuitAccess Access { get; set; } = default!;

    [Inject] private ShopMoney Money { get; set; } = default!;

    [Inject] private IOptions<ShopOptions> Shop { get; set; } = default!;

    [Inject] private IOptions<PrivacyOptions> Privacy { get; set; } = default!;

    private Campaign? _campaign;
    private KpiReport? _report;
    private ScottPlot.Plot? _volume;
    private ScottPlot.Plot? _rates;
    private ScottPlot.Plot? _efficiency;
    private double _spentToday;
    private ShopDay _shopDay;
    private double _spentTotal;
    private DateOnly _today;
    private List<TargetRow> _targets = [];
    private List<CreativeRow> _creativeRows = [];
    private List<AuditEntry> _history = [];
    private List<RunningExperiment> _running = [];
    private bool _notFound;
    private string? _error;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        // The cards read rollups, dated by UTC day; the budget's "today" is the shop's day, as serving paces it (decision record 6).
        var now = Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        _shopDay = ShopDay.Containing(now, Shop.Value.FindTimeZone());
        var from = today.AddDays(-(ReportDays - 1));
        _today = today;
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _campaign = await db.Campaigns.AsNoTracking().Include(c => c.Creatives).Include(c => c.Targets).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == Id);
            if (_campaign is null)
            {
                _notFound = true;
                return;
            }

            var rollups = db.DailyRollups.AsNoTracking().Where(r => r.CampaignId == Id);
            _spentTotal = await rollups.SumAsync(r => r.Cost);
            _spentToday = await DailySpend.OfCampaignAsync(db, Id, _shopDay, CancellationToken.None);
            // The creatives table covers the cards' period, so its rows add up to the cards (all-time sums did not).
            var byCreative = await rollups.Where(r => r.Date >= from && r.Date <= today).GroupBy(r => r.CreativeId)
                .Select(g => new { g.Key, Impressions = g.Sum(r => r.Impressions), Clicks = g.Sum(r => r.Clicks), Conversions = g.Sum(r => r.Conversions), Spend = g.Sum(r => r.Cost), Revenue = g.Sum(r => r.Revenue) })
                .ToDictionaryAsync(x => x.Key);
            _creativeRows = [.. _campaign.Creatives.Select(c =>
            {
                var figures = byCreative.GetValueOrDefault(c.Id);
                return new CreativeRow(c.Id, c.Name, c.ThumbnailUrl ?? c.ImageUrl, c.Status.ToString(), figures?.Impressions ?? 0, figures?.Clicks ?? 0, figures?.Conversions ?? 0, figures?.Spend ?? 0, figures?.Revenue ?? 0);
            }).OrderByDescending(r => r.Impressions)];
            var segmentIds = _campaign.Targets.Select(t => t.SegmentId).ToList();
            var segments = await db.Segments.AsNoTracking().Where(s => segmentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id);
            _targets = [.. _campaign.Targets.Select(t => new TargetRow(segments.GetValueOrDefault(t.SegmentId)?.Name ?? $"#{t.SegmentId}", t.Exclude, segments.GetValueOrDefault(t.SegmentId)?.Size ?? 0))];
            // A running test splits this campaign's traffic between creatives: say so where its numbers are read.
            _running = await db.Experiments.AsNoTracking().Where(e => e.CampaignId == Id && e.Status == Core.Experiments.ExperimentStatus.Running)
                .OrderBy(e => e.StartedAt).Select(e => new RunningExperiment(e.Id, e.Name, e.StartedAt)).ToListAsync();
        }

        _report = await Kpis.GetAsync(from, today, Id, CancellationToken.None);
        _volume = CampaignCharts.Volume(_report, Money.Symbol);
        _rates = KpiCharts.DailyRates(_report);
        _efficiency = CampaignCharts.Efficiency(_report, Money.Symbol);
        _history = await Campaigns.HistoryAsync(Id, CancellationToken.None);
    }

    /// <summary>The period of the cards, the charts and the creatives table.</summary>
    private string Period => PeriodText.Of(_report!.From, _report.To, _today);

    /// <summary>Spend the budget's total counts but the cards do not: days before the cards' period.</summary>
    private double SpentBeforePeriod => Math.Max(0, _spentTotal - _report!.Totals.Spend);

    private IEnumerable<(string Name, string Value, string? Definition)> Cards()
    {
        var totals = _report!.Totals;
        return
        [
            ("Impressions", KpiFormat.Count(totals.Impressions), null),
            ("CTR", KpiFormat.Percent(totals.Ctr), KpiDefinitions.Ctr),
            (KpiDefinitions.CvrName, KpiFormat.Percent(totals.Cvr), KpiDefinitions.Cvr),
            ("Spend", Money.Format(totals.Spend), null),
            ("Revenue", Money.Format(totals.Revenue), null),
            ("ROI", KpiFormat.Percent(totals.Roi, 0), KpiDefinitions.Roi),
            ("CPA", totals.Conversions > 0 ? Money.Format(totals.Spend / totals.Conversions) : "—", KpiDefinitions.Cpa),
            ("ROAS", totals.Spend > 0 ? (totals.Revenue / totals.Spend).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—", KpiDefinitions.Roas),
        ];
    }

    private static double Burn(double spent, double budget) => budget > 0 ? Math.Min(100, 100 * spent / budget) : 0;

    private async Task ActAsync(Func<int, string, CancellationToken, Task> action)
    {
        if (await Access.ActorIfAllowedAsync(Policies.Edit) is not { } actor)
        {
            _error = CircuitAccess.Refused;
            return;
        }

        try
        {
            _error = null;
            await action(Id, actor, CancellationToken.None);
            await LoadAsync();
        }
        catch (CampaignRuleException ex)
        {
            _error = ex.Findings.Count == 0 ? ex.Message : string.Join(" ", ex.Findings.Select(f => f.Message));
        }
    }

    private async Task DuplicateAsync()
    {
        if (await Access.ActorIfAllowedAsync(Policies.Edit) is not { } actor)
        {
            _error = CircuitAccess.Refused;
            return;
        }

        var copy = await Campaigns.DuplicateAsync(Id, actor, CancellationToken.None);
        Navigation.NavigateTo($"/campaigns/{copy.Id}/edit");
    }

    private sealed record TargetRow(string Name, bool Exclude, int Size);

    private sealed record CreativeRow(int Id, string Name, string Thumb, string Status, long Impressions, long Clicks, long Conversions, double Spend, double Revenue);

    private sealed record RunningExperiment(int Id, string Name, DateTime? StartedAt);
}
