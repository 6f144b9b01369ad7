using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace AdStudio.Core.Modeling.Training;

/// <summary>
/// Fits the click model with each ML.NET trainer on the older rows and scores them on the newest ones
/// (time-based split). Logistic regression and the factorisation machine see min–max normalised features;
/// LightGBM runs single-threaded, which on two cores is many times faster than fighting .NET for them.
/// </summary>
public sealed class ClickModelTrainer(int seed = 1)
{
    public TrainedModel Fit(string trainer, ModelKind kind, IReadOnlyList<ClickRow> training, IReadOnlyList<ClickRow> validation)
    {
        var ml = new MLContext(seed);
        var schema = Schema(training[0].Features.Length);
        var train = ml.Data.LoadFromEnumerable(training.Select(r => Example.Of(r, kind)), schema);
        var started = Stopwatch.GetTimestamp();
        IEstimator<ITransformer> pipeline = trainer switch
        {
            TrainerKind.LogisticRegression => ml.Transforms.NormalizeMinMax(nameof(Example.Features))
                .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(nameof(Example.Label), nameof(Example.Features))),
            TrainerKind.FieldAwareFactorizationMachine => ml.Transforms.NormalizeMinMax(nameof(Example.Features))
                .Append(ml.BinaryClassification.Trainers.FieldAwareFactorizationMachine([nameof(Example.Features)], nameof(Example.Label))),
            TrainerKind.FastTree => ml.BinaryClassification.Trainers.FastTree(nameof(Example.Label), nameof(Example.Features), numberOfLeaves: 16, numberOfTrees: 100, minimumExampleCountPerLeaf: 50),
            TrainerKind.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = nameof(Example.Label),
                FeatureColumnName = nameof(Example.Features),
                NumberOfThreads = 1,
                NumberOfIterations = 150,
                NumberOfLeaves = 16,
                MinimumExampleCountPerLeaf = 50,
                LearningRate = 0.05,
                Seed = seed,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(trainer), trainer, "Unknown trainer."),
        };
        var model = pipeline.Fit(train);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var probabilities = Predict(ml, model, schema, validation);
        return new TrainedModel(trainer, kind, model, train.Schema, BinaryMetrics.Compute([.. validation.Select(r => r.Label(kind))], probabilities), seconds, probabilities);
    }

    /// <summary>Probabilities of <paramref name="rows"/> under a fitted model.</summary>
    public static double[] Predict(MLContext ml, ITransformer model, SchemaDefinition schema, IReadOnlyList<ClickRow> rows) =>
        Predict(ml, model, schema, rows.Select(r => r.Features));

    /// <summary>Probabilities of feature vectors under a fitted model, scored as one batch.</summary>
    public static double[] Predict(MLContext ml, ITransformer model, SchemaDefinition schema, IEnumerable<float[]> vectors)
    {
        var data = ml.Data.LoadFromEnumerable(vectors.Select(v => new Example { Features = v }), schema);
        return [.. ml.Data.CreateEnumerable<Scored>(model.Transform(data), reuseRowObject: false).Select(s => (double)s.Probability)];
    }

    public static SchemaDefinition Schema(int width)
    {
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    public sealed class Example
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];

        public static Example Of(ClickRow row, ModelKind kind) => new() { Label = row.Label(kind), Features = row.Features };
    }

    public sealed class Scored
    {
        public float Probability { get; set; }
    }
}
