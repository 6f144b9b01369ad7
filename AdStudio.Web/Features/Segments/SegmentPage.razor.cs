using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Segments;
using AdStudio.Web.Components.Common;
using AdStudio.Web.Features.Accounts;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Features.Segments;

/// <summary>One segment: size and history, how its shoppers differ, overlaps, campaigns and a sample of ids.</summary>
public sealed partial class SegmentPage
{
    private const int SampleSize = 20;

    [Parameter] public int Id { get; set; }

    [Inject] private IDbContextFactory<AdStudioDb> DbFactory { get; set; } = default!;

    [Inject] private AudienceIndex Audiences { get; set; } = default!;

    [Inject] private SegmentService Segments { get; set; } = default!;

    [Inject] private IOptions<PrivacyOptions> Privacy { get; set; } = default!;

    [Inject] private ShopperPseudonyms Pseudonyms { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private CircuitAccess Access { get; set; } = default!;

    [Inject] private ShopMoney Money { get; set; } = default!;

    private Segment? _segment;
    private bool _notFound;
    private bool _allowed;
    private int _minSize;
    private string? _rename;
    private string? _error;
    private ScottPlot.Plot? _history;
    private ScottPlot.Plot? _interests;
    private ScottPlot.Plot? _spend;
    private ScottPlot.Plot? _visits;
    private List<(string Name, int Shared)> _overlaps = [];
    private List<(int Id, string Name, bool Exclude)> _campaigns = [];
    private List<string> _sample = [];

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _minSize = Privacy.Value.MinSegmentSize;
        await using var db = await DbFactory.CreateDbContextAsync();
        _segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id && !s.IsArchived);
        _notFound = _segment is null;
        if (_segment is null)
        {
            return;
        }

        _rename = _segment.Name;
        _allowed = Privacy.Value.Allows(_segment.Size);
        // Sizes from when the segment was small stay out of its history, as its size would (small groups rule).
        _history = SegmentCharts.SizeHistory([.. (await db.SegmentSizes.AsNoTracking().Where(p => p.SegmentId == Id).OrderBy(p => p.At).ToListAsync())
            .Where(p => Privacy.Value.Allows(p.Size))]);
        _campaigns = [.. (await db.CampaignTargets.AsNoTracking().Where(t => t.SegmentId == Id)
            .Join(db.Campaigns, t => t.CampaignId, c => c.Id, (t, c) => new { c.Id, c.Name, t.Exclude }).ToListAsync()).Select(x => (x.Id, x.Name, x.Exclude))];
        if (!_allowed)
        {
            return;
        }

        // Members who withdrew personalisation since the last materialisation are neither sampled nor described.
        var withdrawn = ConsentQueries.WithoutPersonalisation(db);
        var memberIds = (await db.SegmentMembers.AsNoTracking().Where(m => m.SegmentId == Id && !withdrawn.Contains(m.ShopperId)).Select(m => m.ShopperId).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        // Masked ids, ordered by the masked id, so the sample says nothing about the shop's ids.
        _sample = [.. SmallGroups.Sample(Privacy.Value, memberIds.Count, [.. memberIds.Select(Pseudonyms.Mask).Order(StringComparer.Ordinal).Take(SampleSize)])];
        var overlaps = await db.SegmentMembers.AsNoTracking()
            .Where(m => m.SegmentId != Id && !withdrawn.Contains(m.ShopperId) && db.SegmentMembers.Any(x => x.SegmentId == Id && x.ShopperId == m.ShopperId))
            .GroupBy(m => m.SegmentId).Select(g => new { g.Key, Shared = g.Count() }).ToListAsync();
        var names = await db.Segments.AsNoTracking().Where(s => !s.IsArchived).ToDictionaryAsync(s => s.Id, s => s.Name);
        _overlaps = [.. overlaps.Where(o => names.ContainsKey(o.Key)).Select(o => (names[o.Key], o.Shared)).OrderByDescending(o => o.Item2)];
        var audience = await Audiences.GetAsync(CancellationToken.None);
        var members = audience.Rows.Where(r => memberIds.Contains(r.ShopperId)).ToList();
        _interests = SegmentCharts.Interests(audience, members);
        _spend = SegmentCharts.Distribution(audience, members, r => r.Spend90d, $"Spend in 90 days ({Money.Symbol})");
        _visits = SegmentCharts.Distribution(audience, members, r => r.Visits30d, "Visits in 30 days");
    }

    private async Task RenameAsync() => await RunAsync(actor => Segments.RenameAsync(Id, _rename ?? "", actor, CancellationToken.None));

    private async Task ArchiveAsync()
    {
        if (await RunAsync(actor => Segments.ArchiveAsync(Id, actor, CancellationToken.None)))
        {
            Navigation.NavigateTo("/segments");
        }
    }

    private async Task DuplicateAsync()
    {
        if (await Access.ActorIfAllowedAsync(Policies.Edit) is not { } actor)
        {
            _error = CircuitAccess.Refused;
            return;
        }

        var copy = await Segments.DuplicateAsync(Id, actor, CancellationToken.None);
        Navigation.NavigateTo($"/segments/{copy.Id}/edit");
    }

    private async Task<bool> RunAsync(Func<string, Task> action)
    {
        if (await Access.ActorIfAllowedAsync(Policies.Edit) is not { } actor)
        {
            _error = CircuitAccess.Refused;
            return false;
        }

        try
        {
            _error = null;
            await action(actor);
            await LoadAsync();
            return true;
        }
        catch (SegmentRuleException ex)
        {
            _error = ex.Message;
            return false;
        }
    }
}
