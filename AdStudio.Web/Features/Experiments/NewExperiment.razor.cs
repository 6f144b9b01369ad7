using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Stats;
using AdStudio.Core.Infrastructure;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Web.Features.Experiments;

/// <summary>Plans and creates a draft experiment on one campaign's creatives.</summary>
public sealed partial class NewExperiment
{
    [Inject] private IDbContextFactory<AdStudioDb> DbFactory { get; set; } = default!;

    [Inject] private ExperimentLifecycle Lifecycle { get; set; } = default!;

    [Inject] private ExperimentPlanner Planner { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private CircuitAccess Access { get; set; } = default!;

    private List<CampaignOption>? _campaigns;
    private List<Creative> _creatives = [];
    private readonly List<ArmForm> _arms = [];
    private int? _campaignId;
    private string _name = "";
    private string? _hypothesis;
    private double _alpha = 0.05;
    private bool _sequential = true;
    private bool _cuped = true;
    private CampaignTraffic? _traffic;
    private SampleSizePlan? _plan;
    private string? _error;
    private string? _primaryMetric;

    protected override async Task OnInitializedAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        _campaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Name).Select(c => new CampaignOption(c.Id, c.Name, c.Objective)).ToListAsync();
    }

    private async Task OnCampaignChangedAsync(int? campaignId)
    {
        _campaignId = campaignId;
        _plan = null;
        _primaryMetric = null;
        _arms.Clear();
        if (campaignId is not { } id)
        {
            return;
        }

        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _creatives = await db.Campaigns.Where(c => c.Id == id).SelectMany(c => c.Creatives).AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        }

        for (var i = 0; i < Math.Min(2, _creatives.Count); i++)
        {
            _arms.Add(new ArmForm { Name = i == 0 ? "Control" : "Treatment", CreativeId = _creatives[i].Id, Weight = 1 });
        }

        _traffic = await Planner.RecentTrafficAsync(id, CancellationToken.None);
    }

    private void AddArm()
    {
        var unused = _creatives.FirstOrDefault(c => _arms.All(a => a.CreativeId != c.Id));
        if (unused is not null)
        {
            _arms.Add(new ArmForm { Name = $"Treatment {_arms.Count}", CreativeId = unused.Id, Weight = 1 });
        }
    }

    private void OnPlanned(SampleSizePlan plan) => _plan = plan;

    private async Task CreateAsync()
    {
        if (_campaignId is not { } campaignId)
        {
            _error = "Choose the campaign whose creatives you want to test.";
            return;
        }

        if (await Access.ActorIfAllowedAsync(Policies.Edit) is not { } actor)
        {
            _error = CircuitAccess.Refused;
            return;
        }

        try
        {
            var draft = new ExperimentDraft(
                campaignId, _name, _hypothesis, [.. _arms.Select(a => new ArmDraft(a.Name, a.CreativeId, a.Weight))],
                _alpha, _sequential, _plan?.TotalUnits ?? 5000, _cuped, 0.1, _plan?.UnitsPerVariant, _primaryMetric);
            var experiment = await Lifecycle.CreateAsync(draft, actor, CancellationToken.None);
            Navigation.NavigateTo($"/experiments/{experiment.Id}");
        }
        catch (Exception ex) when (ex is ExperimentRuleException or ExperimentNotFoundException)
        {
            _error = ex.Message;
        }
    }

    private CampaignObjective? Objective => _campaigns?.FirstOrDefault(c => c.Id == _campaignId)?.Objective;

    private sealed record CampaignOption(int Id, string Name, CampaignObjective Objective);

    private sealed class ArmForm
    {
        public string Name { get; set; } = "";

        public int CreativeId { get; set; }

        public double Weight { get; set; } = 1;
    }
}
