using System.Globalization;
using AdStudio.Core.Creatives;
using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Experiments.Stats;
using AdStudio.Core.Infrastructure;
using AdStudio.Web.Components.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdStudio.Web.Features.Experiments;

/// <summary>An experiment's results, progress and decision.</summary>
public sealed partial class ExperimentPage
{
    [Parameter] public int Id { get; set; }

    [Inject] private IDbContextFactory<AdStudioDb> DbFactory { get; set; } = default!;

    [Inject] private ExperimentResultsService ResultsService { get; set; } = default!;

    [Inject] private ShopMoney Money { get; set; } = default!;

    [Inject] private IOptions<ExperimentsOptions> Minimums { get; set; } = default!;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private Experiment? _experiment;
    private ExperimentResults? _results;
    private string _campaignName = "";
    private Dictionary<int, Creative> _creatives = [];
    private ScottPlot.Plot? _forest;
    private ScottPlot.Plot? _cumulative;
    private int _forestRows;
    private ExperimentVerdict? _verdict;
    private ExperimentsOptions _minimums = new();
    private bool _notFound;

    private Color StatusColor => _experiment?.Status switch
    {
        ExperimentStatus.Running => Color.Success,
        ExperimentStatus.Stopped => Color.Dark,
        _ => Color.Default,
    };

    private bool HasContradiction => _results is { } results && results.Metrics.Any(m => m.Variants.Any(v =>
        v.EnoughData && v.Comparison is { } comparison && ResultFormat.SeemsToContradict(comparison, v.AdjustedPValue ?? comparison.PValue, results.Alpha)));

    protected override Task OnParametersSetAsync()
    {
        _minimums = Minimums.Value;
        return ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _experiment = await db.Experiments.AsNoTracking().Include(e => e.Variants).FirstOrDefaultAsync(e => e.Id == Id);
            if (_experiment is null)
            {
                _notFound = true;
                return;
            }

            _campaignName = await db.Campaigns.Where(c => c.Id == _experiment.CampaignId).Select(c => c.Name).FirstOrDefaultAsync() ?? "";
            var creativeIds = _experiment.Variants.Select(v => v.CreativeId).ToList();
            _creatives = await db.Creatives.AsNoTracking().Where(c => creativeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        }

        _results = await ResultsService.GetAsync(Id, CancellationToken.None);
        if (_results is not null)
        {
            _forest = ExperimentCharts.Forest(_results);
            _forestRows = ExperimentCharts.ForestRows(_results).Count;
            _verdict = _results.Primary is null ? null : ExperimentVerdict.Of(_results);
            _cumulative = ExperimentCharts.CumulativeLift(_results);
        }
    }

    /// <summary>The arm's creative thumbnail (or image), null when the creative is gone.</summary>
    private string? Thumb(int variantId) =>
        _experiment!.Variants.FirstOrDefault(v => v.Id == variantId) is { } variant && _creatives.TryGetValue(variant.CreativeId, out var creative)
            ? creative.ThumbnailUrl ?? creative.ImageUrl
            : null;

    /// <summary>Why a treatment shows no interval yet, with the minimum it needs, the counts of both arms and the metric's events.</summary>
    private string NotEnough(MetricResult metric, VariantMetric treatment)
    {
        var control = metric.Variants[0];
        return $"not enough data yet: needs {_minimums.MinUnitsPerArm.ToString("N0", Inv)} shoppers and {_minimums.MinEventsPerArm.ToString("N0", Inv)} {ResultFormat.EventsName(metric.Key)} per arm "
            + $"(control {control.Units.ToString("N0", Inv)} / {control.Events.ToString("N0", Inv)}, this arm {treatment.Units.ToString("N0", Inv)} / {treatment.Events.ToString("N0", Inv)})";
    }

    private static string LiftClass(ComparisonResult comparison) =>
        comparison.CiLow > 0 ? "mud-success-text" : comparison.CiHigh < 0 ? "mud-error-text" : "";
}
