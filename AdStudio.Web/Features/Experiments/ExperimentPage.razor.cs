using AdStudio.Core.Creatives;
using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Experiments.Stats;
using AdStudio.Core.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace AdStudio.Web.Features.Experiments;

/// <summary>An experiment's results, progress and decision.</summary>
public sealed partial class ExperimentPage
{
    [Parameter] public int Id { get; set; }

    [Inject] private IDbContextFactory<AdStudioDb> DbFactory { get; set; } = default!;

    [Inject] private ExperimentResultsService ResultsService { get; set; } = default!;

    private Experiment? _experiment;
    private ExperimentResults? _results;
    private string _campaignName = "";
    private Dictionary<int, Creative> _creatives = [];
    private ScottPlot.Plot? _forest;
    private ScottPlot.Plot? _cumulative;
    private int _forestRows;
    private bool _notFound;

    private Color StatusColor => _experiment?.Status switch
    {
        ExperimentStatus.Running => Color.Success,
        ExperimentStatus.Stopped => Color.Dark,
        _ => Color.Default,
    };

    protected override Task OnParametersSetAsync() => ReloadAsync();

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
            _forestRows = _results.Metrics.Sum(m => m.Variants.Count(v => v.Comparison is not null));
            _cumulative = ExperimentCharts.CumulativeLift(_results);
        }
    }

    private int ArmCreative(int variantId) => _experiment!.Variants.First(v => v.Id == variantId).CreativeId;

    private static string LiftClass(ComparisonResult c) =>
        c.CiLow > 0 ? "mud-success-text" : c.CiHigh < 0 ? "mud-error-text" : "";
}
