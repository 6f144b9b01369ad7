using System.Collections.Concurrent;
using System.Collections.Frozen;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Training;
using Microsoft.ML;

namespace AdStudio.Core.Modeling.Scoring;

/// <summary>
/// One loaded model, ready for single predictions from many threads at once. ML.NET's prediction engine is not
/// thread-safe, so engines (each with its own input buffer) are pooled: a call rents one, writes the features into
/// its buffer, predicts and returns it. Nothing is built per request.
/// </summary>
public sealed class ModelScorer
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly Microsoft.ML.Data.SchemaDefinition _schema;
    private readonly ConcurrentBag<Lease> _pool = [];
    private readonly int[]? _interestMap;

    // Built once per loaded model: the hot path looks an ad's category up instead of comparing it with every category.
    private readonly FrozenDictionary<string, int> _categoryIndex;

    /// <param name="shopperCategories">Category order of the <see cref="ShopperFeatures"/> this scorer will be given.</param>
    public ModelScorer(int versionId, ModelKind kind, MLContext ml, ITransformer model, FeatureLayout layout, IReadOnlyList<string> shopperCategories)
    {
        (VersionId, Kind, Layout, _ml, _model) = (versionId, kind, layout, ml, model);
        ShopperCategories = [.. shopperCategories];
        _schema = ClickModelTrainer.Schema(layout.Width);
        var map = layout.Categories.Select(c => shopperCategories.ToList().FindIndex(s => string.Equals(s, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        _categoryIndex = layout.Categories.Distinct(StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(category => category, layout.CategoryIndex, StringComparer.OrdinalIgnoreCase);
        _interestMap = map.Length == shopperCategories.Count && map.Select((m, i) => m == i).All(x => x) ? null : map;
    }

    public int VersionId { get; }

    public ModelKind Kind { get; }

    public FeatureLayout Layout { get; }

    /// <summary>The category order of the shopper interests this scorer is given (remapped to its layout if they differ).</summary>
    public IReadOnlyList<string> ShopperCategories { get; }

    /// <summary>The probability that showing <paramref name="creative"/> to <paramref name="shopper"/> succeeds (click, or conversion after a click).</summary>
    public double Predict(ShopperFeatures shopper, Training.CreativeFacts creative, DateTime at, string placement, double priorCtr)
    {
        var lease = Rent();
        try
        {
            Span<double> remapped = stackalloc double[_interestMap?.Length ?? 0];
            scoped ReadOnlySpan<double> interests = shopper.Interests;
            if (_interestMap is not null)
            {
                for (var i = 0; i < _interestMap.Length; i++)
                {
                    remapped[i] = _interestMap[i] >= 0 && _interestMap[i] < shopper.Interests.Length ? shopper.Interests[_interestMap[i]] : 0;
                }

                interests = remapped;
            }

            Layout.Write(lease.Input.Features, shopper, interests, creative, _categoryIndex.GetValueOrDefault(creative.Category, -1), at, placement, priorCtr);
            lease.Engine.Predict(lease.Input, ref lease.Output);
            return lease.Output.Probability;
        }
        finally
        {
            _pool.Add(lease);
        }
    }

    private Lease Rent()
    {
        if (_pool.TryTake(out var lease))
        {
            return lease;
        }

        var engine = _ml.Model.CreatePredictionEngine<ClickModelTrainer.Example, ClickModelTrainer.Scored>(_model, inputSchemaDefinition: _schema);
        return new Lease(engine, new ClickModelTrainer.Example { Features = new float[Layout.Width] });
    }

    private sealed class Lease(PredictionEngine<ClickModelTrainer.Example, ClickModelTrainer.Scored> engine, ClickModelTrainer.Example input)
    {
        public PredictionEngine<ClickModelTrainer.Example, ClickModelTrainer.Scored> Engine { get; } = engine;

        public ClickModelTrainer.Example Input { get; } = input;

        public ClickModelTrainer.Scored Output = new();
    }
}
