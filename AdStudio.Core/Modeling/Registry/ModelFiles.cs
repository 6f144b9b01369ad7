using System.Text.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling.Features;
using Microsoft.ML;

namespace AdStudio.Core.Modeling.Registry;

/// <summary>Reads and writes model zips in the data folder and the layout stored beside each version.</summary>
public sealed class ModelFiles(DataPaths paths)
{
    public string Directory => paths.ModelDirectory;

    public string PathOf(ModelVersion version) => Path.Combine(paths.ModelDirectory, version.FileName);

    public void Save(MLContext ml, ITransformer model, DataViewSchema schema, string fileName)
    {
        System.IO.Directory.CreateDirectory(paths.ModelDirectory);
        ml.Model.Save(model, schema, Path.Combine(paths.ModelDirectory, fileName));
    }

    /// <summary>Loads a version's model and layout, or throws <see cref="ModelFileException"/> saying why it cannot be used.</summary>
    public (ITransformer Model, FeatureLayout Layout) Load(MLContext ml, ModelVersion version)
    {
        var layout = LayoutOf(version) ?? throw new ModelFileException($"Model {version.Id} has no readable feature layout.");
        if (layout.Version != FeatureLayout.CurrentVersion)
        {
            throw new ModelFileException($"Model {version.Id} was trained on feature layout v{layout.Version}; this version computes v{FeatureLayout.CurrentVersion}.");
        }

        var path = PathOf(version);
        if (!File.Exists(path))
        {
            throw new ModelFileException($"Model file {version.FileName} is missing.");
        }

        try
        {
            return (ml.Model.Load(path, out _), layout);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or FormatException or ArgumentException or InvalidDataException or NotSupportedException)
        {
            throw new ModelFileException($"Model file {version.FileName} cannot be read: {ex.Message}", ex);
        }
    }

    public static FeatureLayout? LayoutOf(ModelVersion version)
    {
        try
        {
            return string.IsNullOrEmpty(version.FeatureLayoutJson) ? null : JsonSerializer.Deserialize<FeatureLayout>(version.FeatureLayoutJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
