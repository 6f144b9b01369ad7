using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using AdStudio.Web.Components.Common;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Campaigns;

/// <summary>Creates or edits a campaign; rule failures show on their fields.</summary>
public sealed partial class CampaignEditor
{
    [Parameter] public int? Id { get; set; }

    [Inject] private IDbContextFactory<AdStudioDb> DbFactory { get; set; } = default!;

    [Inject] private CampaignService Campaigns { get; set; } = default!;

    [Inject] private IOptions<ShopOptions> Shop { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private CircuitAccess Access { get; set; } = default!;

    [Inject] private ShopMoney Money { get; set; } = default!;

    private bool _loaded;
    private string _name = "";
    private CampaignObjective _objective = CampaignObjective.Clicks;
    private BidType _bidType = BidType.Cpc;
    private double _bid = 0.5;
    private double? _daily = 10;
    private double? _total = 300;
    private DateTime? _starts;
    private DateTime? _ends;
    private int? _cap;
    private IReadOnlyCollection<string> _placements = [];
    private IReadOnlyCollection<int> _creatives = [];
    private IReadOnlyCollection<int> _include = [];
    private IReadOnlyCollection<int> _exclude = [];
    private bool[] _hours = [.. Enumerable.Repeat(true, Dayparting.HoursPerWeek)];
    private List<string> _placementNames = [];
    private List<Option> _creativeOptions = [];
    private List<Option> _segmentOptions = [];
    private Dictionary<string, string> _errors = [];
    private string? _message;
    private string? _saved;

    protected override async Task OnParametersSetAsync()
    {
        _placementNames = [.. Shop.Value.Placements.Keys.Order(StringComparer.Ordinal)];
        await using var db = await DbFactory.CreateDbContextAsync();
        _creativeOptions = await db.Creatives.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Name + " · " + c.Width + "×" + c.Height + (c.Status == CreativeStatus.Approved ? "" : " (not approved)")))
            .ToListAsync();
        _segmentOptions = await db.Segments.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name)
            .Select(s => new Option(s.Id, s.Name + " (" + s.Size + ")")).ToListAsync();
        _starts = Clock.GetUtcNow().UtcDateTime.Date;
        if (Id is { } id && await db.Campaigns.AsNoTracking().Include(c => c.Creatives).Include(c => c.Targets).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id) is { } campaign)
        {
            var draft = CampaignDraft.From(campaign);
            (_name, _objective, _bidType, _bid, _daily, _total, _starts, _ends, _cap) =
                (draft.Name, draft.Objective, draft.BidType, draft.Bid, draft.DailyBudget, draft.TotalBudget, draft.StartsAt, draft.EndsAt, draft.FrequencyCapPerDay);
            (_placements, _creatives, _include, _exclude) = (draft.Placements, draft.CreativeIds, draft.IncludeSegments, draft.ExcludeSegments);
            _hours = Dayparting.Parse(draft.Dayparting) ?? _hours;
        }

        _loaded = true;
        _saved = Fingerprint();
    }

    // The draft as text (its lists included), to tell an edited form from the loaded one.
    private string Fingerprint() => System.Text.Json.JsonSerializer.Serialize(Draft());

    private bool IsDirty() => _saved is not null && Fingerprint() != _saved;

    // Cancel is a deliberate discard: no second question.
    private void Cancel()
    {
        _saved = null;
        Navigation.NavigateTo(Id is null ? "/campaigns" : $"/campaigns/{Id}");
    }

    private CampaignDraft Draft() => new(
        _name, _objective, _bidType, _bid, _daily ?? 0, _total ?? 0,
        DateTime.SpecifyKind(_starts ?? Clock.GetUtcNow().UtcDateTime.Date, DateTimeKind.Utc),
        _ends is { } end ? DateTime.SpecifyKind(end, DateTimeKind.Utc) : null,
        Dayparting.Format(_hours), _cap, [.. _placements], [.. _creatives], [.. _include], [.. _exclude]);

    private async Task SaveAsync()
    {
        if (await Access.ActorIfAllowedAsync(Policies.Edit) is not { } actor)
        {
            _message = CircuitAccess.Refused;
            return;
        }

        try
        {
            var campaign = Id is { } id
                ? await Campaigns.UpdateAsync(id, Draft(), actor, CancellationToken.None)
                : await Campaigns.CreateAsync(Draft(), actor, CancellationToken.None);
            _saved = null;
            Navigation.NavigateTo($"/campaigns/{campaign.Id}");
        }
        catch (CampaignRuleException ex)
        {
            _errors = ex.Findings.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(f => f.Message)));
            // An empty budget reaches the rules as 0; say it is missing rather than "0", which the marketer never typed.
            foreach (var (field, value, which) in new[] { ("dailyBudget", _daily, "daily"), ("totalBudget", _total, "total") })
            {
                if (value is null)
                {
                    _errors[field] = $"Enter a {which} budget: a campaign needs one (more than 0) to serve.";
                }
            }

            _message = ex.Findings.Count == 0 ? ex.Message : string.Join(" ", _errors.Values);
        }
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Error(string field) => _errors.GetValueOrDefault(field);

    private string CreativeLabel(int id) => _creativeOptions.FirstOrDefault(o => o.Id == id)?.Label ?? $"#{id}";

    private string SegmentLabel(int id) => _segmentOptions.FirstOrDefault(o => o.Id == id)?.Label ?? $"#{id}";

    private sealed record Option(int Id, string Label);
}
