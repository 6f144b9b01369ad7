using System.Globalization;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Experiments;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Experiments;

/// <summary>Plans and creates a draft experiment on one campaign's creatives.</summary>
public sealed partial class NewExperiment
{
    /// <summary>Shown on the campaign field when the manager creates without choosing one.</summary>
    public const string ChooseCampaign = "Choose the campaign whose creatives you want to test.";

    [Inject] private IDbContextFactory<AdStudioDb> DbFactory { get; set; } = default!;

    [Inject] private ExperimentLifecycle Lifecycle { get; set; } = default!;

    [Inject] private ExperimentPlanner Planner { get; set; } = default!;

    [Inject] private IOptions<ShopOptions> Shop { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private CircuitAccess Access { get; set; } = default!;

    private static int WindowDays => (int)ExperimentPlanner.Window.TotalDays;

    private static string AssumedPercent => Percent(ExperimentPlanner.AssumedBaselineRate);

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
    private ExperimentPlan? _plan;
    private string? _error;
    private string? _primaryMetric;
    private string? _campaignError;

    // An error the server returned for one arm (by index); placement mismatches are also found live, before saving.
    private (int Arm, string Message)? _serverArmError;

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
        _traffic = null;
        _serverArmError = null;
        _arms.Clear();
        if (campaignId is not { } id)
        {
            return;
        }

        // The campaign is chosen now: an earlier "choose the campaign" error no longer applies.
        _campaignError = null;
        if (_error == ChooseCampaign)
        {
            _error = null;
        }

        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _creatives = await db.Campaigns.Where(c => c.Id == id).SelectMany(c => c.Creatives).AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        }

        // Start with two creatives of one size, so the default arms already fit the same placement.
        var fitting = _creatives.GroupBy(c => (c.Width, c.Height)).FirstOrDefault(g => g.Count() >= 2)?.ToList() ?? _creatives;
        foreach (var creative in fitting.Take(2))
        {
            _arms.Add(new ArmForm { Name = _arms.Count == 0 ? "Control" : "Treatment", CreativeId = creative.Id, Weight = 1 });
        }

        _traffic = await Planner.RecentTrafficAsync(id, CancellationToken.None);
    }

    private void AddArm()
    {
        var control = _arms.Count > 0 ? Creative(_arms[0].CreativeId) : null;
        var unused = _creatives.Where(c => _arms.All(a => a.CreativeId != c.Id)).ToList();
        var next = unused.FirstOrDefault(c => control is null || ArmPlacement.SameSize(control, c)) ?? unused.FirstOrDefault();
        if (next is not null)
        {
            _arms.Add(new ArmForm { Name = $"Treatment {_arms.Count}", CreativeId = next.Id, Weight = 1 });
            _serverArmError = null;
        }
    }

    private void RemoveArm(ArmForm arm)
    {
        _arms.Remove(arm);
        _serverArmError = null;
    }

    private void SetCreative(ArmForm arm, int creativeId)
    {
        arm.CreativeId = creativeId;
        _serverArmError = null;
    }

    private void OnPlanned(ExperimentPlan? plan) => _plan = plan;

    /// <summary>Why the arm at <paramref name="index"/> is refused, or null: its creative must have the control's placement size.</summary>
    private string? ArmError(int index)
    {
        if (_serverArmError is { } server && server.Arm == index)
        {
            return server.Message;
        }

        if (index == 0 || index >= _arms.Count || Creative(_arms[0].CreativeId) is not { } control || Creative(_arms[index].CreativeId) is not { } creative)
        {
            return null;
        }

        return ArmPlacement.SameSize(control, creative)
            ? null
            : $"{creative.Width}×{creative.Height}{PlacementName(creative)} does not fit the control's placement ({control.Width}×{control.Height}{PlacementName(control)}).";
    }

    private async Task CreateAsync()
    {
        _error = null;
        if (_campaignId is not { } campaignId)
        {
            _campaignError = ChooseCampaign;
            _error = ChooseCampaign;
            return;
        }

        // Without a plan the typed effect cannot be kept; never store a default the manager did not choose.
        if (_plan is null)
        {
            _error = "The sample-size plan has an error; correct its inputs first (the minimum detectable effect is kept with the experiment).";
            return;
        }

        if (Enumerable.Range(0, _arms.Count).Any(i => ArmError(i) is not null))
        {
            _error = "Every arm must fit the control's placement; choose creatives of the same size (see the arms marked in red).";
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
                _alpha, _sequential, _plan.Sample.TotalUnits, _cuped, _plan.MinimumDetectableEffect, _plan.Sample.UnitsPerVariant, _primaryMetric);
            var experiment = await Lifecycle.CreateAsync(draft, actor, CancellationToken.None);
            Navigation.NavigateTo($"/experiments/{experiment.Id}");
        }
        catch (ExperimentRuleException ex)
        {
            _error = ex.Message;
            _serverArmError = ArmIndex(ex.Field) is { } arm ? (arm, ex.Message) : null;
        }
        catch (ExperimentNotFoundException ex)
        {
            _error = ex.Message;
        }
    }

    /// <summary>The arm index in a field name such as <c>arms[1].creativeId</c>.</summary>
    private static int? ArmIndex(string? field) =>
        field is not null && field.StartsWith("arms[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is > 5 and var end
        && int.TryParse(field.AsSpan(5, end - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    private Creative? Creative(int id) => _creatives.FirstOrDefault(c => c.Id == id);

    private string PlacementName(Creative creative) =>
        Shop.Value.Placements.Where(p => p.Value.Fits(creative.Width, creative.Height)).Select(p => $" {p.Key}").FirstOrDefault() ?? "";

    private string CreativeLabel(int id) =>
        Creative(id) is { } creative ? $"{creative.Name} · {creative.Width}×{creative.Height}{PlacementName(creative)} — {creative.Headline}" : "";

    private string CreativeTitle(int id) => CreativeLabel(id);

    private static string Percent(double rate) => rate.ToString("0.##%", CultureInfo.InvariantCulture).Replace("%", " %", StringComparison.Ordinal);

    private static string Whole(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private CampaignObjective? Objective => _campaigns?.FirstOrDefault(c => c.Id == _campaignId)?.Objective;

    private sealed record CampaignOption(int Id, string Name, CampaignObjective Objective);

    private sealed class ArmForm
    {
        public string Name { get; set; } = "";

        public int CreativeId { get; set; }

        public double Weight { get; set; } = 1;
    }
}
