using System.Collections.Concurrent;
using System.Collections.Frozen;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML;

namespace AdStudio.Core.Modeling.Scoring;

/// <summary>
/// Keeps the active models loaded for serving. Each snapshot build reads which versions are active from the database
/// (so a promotion by any node is seen at the next refresh) and asks for the current <see cref="ServingModels"/>:
/// a model is loaded from the file store only when the active version changes, and a version that cannot be loaded (missing
/// or corrupt file) is reported in <see cref="Problems"/> while the previously loaded model keeps serving.
/// </summary>
public sealed class ActiveModelLoader(ModelFiles files, TimeProvider clock)
{
    private readonly MLContext _ml = new(1);
    private readonly ConcurrentDictionary<ModelKind, ModelProblem> _problems = new();
    private readonly Dictionary<ModelKind, (ModelVersion Version, ITransformer Model, FeatureLayout Layout)> _loaded = [];
    private readonly Dictionary<ModelKind, ModelScorer> _scorers = [];
    private (int Count, DateTime? Newest, string Categories, string Withdrawn) _profilesKey;
    private FrozenDictionary<string, ShopperFeatures> _profiles = FrozenDictionary<string, ShopperFeatures>.Empty;

    /// <summary>Active versions that could not be loaded, by kind; empty when serving uses every active model.</summary>
    public IReadOnlyCollection<ModelProblem> Problems => [.. _problems.Values.OrderBy(p => p.Kind)];

    public async Task<ServingModels> LoadAsync(AdStudioDb db, CancellationToken ct)
    {
        var active = await db.ModelVersions.AsNoTracking().Where(v => v.Status == ModelStatus.Active).ToListAsync(ct);
        await RefreshAsync(ModelKind.Ctr, active.FirstOrDefault(v => v.Kind == ModelKind.Ctr), ct);
        await RefreshAsync(ModelKind.Cvr, active.FirstOrDefault(v => v.Kind == ModelKind.Cvr), ct);
        var layout = _loaded.GetValueOrDefault(ModelKind.Ctr).Layout ?? _loaded.GetValueOrDefault(ModelKind.Cvr).Layout;
        if (layout is null)
        {
            return ServingModels.None;
        }

        var categories = layout.Categories;
        var shoppers = await ShopperFeaturesAsync(db, categories, ct);
        return new ServingModels(Scorer(ModelKind.Ctr, categories), Scorer(ModelKind.Cvr, categories), categories, shoppers);
    }

    private async Task RefreshAsync(ModelKind kind, ModelVersion? version, CancellationToken ct)
    {
        if (version is null)
        {
            // Nothing active (never trained, or everything retired): serving falls back to smoothed rates.
            _loaded.Remove(kind);
            _problems.TryRemove(kind, out _);
            return;
        }

        if (_loaded.TryGetValue(kind, out var current) && current.Version.Id == version.Id)
        {
            return;
        }

        try
        {
            var (model, layout) = await files.LoadAsync(_ml, version, ct);
            _loaded[kind] = (version, model, layout);
            _problems.TryRemove(kind, out _);
        }
        catch (ModelFileException ex)
        {
            int? serving = _loaded.TryGetValue(kind, out var previous) ? previous.Version.Id : null;
            _problems[kind] = new ModelProblem(kind, version.Id, ex.Message, clock.GetUtcNow().UtcDateTime, serving);
        }
    }

    private ModelScorer? Scorer(ModelKind kind, string[] categories)
    {
        if (!_loaded.TryGetValue(kind, out var loaded))
        {
            _scorers.Remove(kind);
            return null;
        }

        if (_scorers.TryGetValue(kind, out var scorer) && scorer.VersionId == loaded.Version.Id && scorer.ShopperCategories.SequenceEqual(categories))
        {
            return scorer;
        }

        return _scorers[kind] = new ModelScorer(loaded.Version.Id, kind, _ml, loaded.Model, loaded.Layout, categories);
    }

    /// <summary>
    /// Every profile of a shopper who allows personalisation as model features, re-read only when profiles, the category
    /// order or the set of profiled shoppers who withdrew changed; a withdrawn shopper is scored as a new visitor.
    /// </summary>
    private async Task<FrozenDictionary<string, ShopperFeatures>> ShopperFeaturesAsync(AdStudioDb db, string[] categories, CancellationToken ct)
    {
        var withdrawn = ConsentQueries.WithoutPersonalisation(db);
        // Small in steady state: profiling deletes these profiles, so only withdrawals it has not processed yet are listed.
        var withdrawnProfiles = await db.Profiles.AsNoTracking().Where(p => withdrawn.Contains(p.ShopperId))
            .Select(p => p.ShopperId).OrderBy(id => id).ToListAsync(ct);
        var key = (await db.Profiles.CountAsync(ct), await db.Profiles.MaxAsync(p => (DateTime?)p.UpdatedAt, ct), string.Join('\u001f', categories),
            string.Join('\u001f', withdrawnProfiles));
        if (key == _profilesKey)
        {
            return _profiles;
        }

        // Only the columns the model reads: at a million profiles the rest is most of the bytes.
        var profiles = await db.Profiles.AsNoTracking()
            .Where(p => !withdrawn.Contains(p.ShopperId))
            .Select(p => new Profiling.ShopperProfile
            {
                ShopperId = p.ShopperId,
                InterestsJson = p.InterestsJson,
                EventCount = p.EventCount,
                PurchaseCount = p.PurchaseCount,
                LastVisitAt = p.LastVisitAt,
                HourSin = p.HourSin,
                HourCos = p.HourCos,
                PriceSensitivity = p.PriceSensitivity,
            })
            .ToListAsync(ct);
        _profiles = profiles.ToFrozenDictionary(p => p.ShopperId, p => ShopperFeatures.FromProfile(p, categories), StringComparer.Ordinal);
        _profilesKey = key;
        return _profiles;
    }
}
