using System.Text.Json;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Modeling.Features;
using Microsoft.ML;

namespace AdStudio.Core.Modeling.Registry;

/// <summary>
/// Reads and writes model zips in the file store (<c>models/&lt;file&gt;</c>: the data folder, or the database every node
/// shares) and the layout stored beside each version.
/// </summary>
public sealed class ModelFiles(IFileStore store)
{
    /// <summary>The store folder model zips live in.</summary>
    public const string StoreFolder = "models";

    /// <summary>The store path (<c>models/&lt;file&gt;</c>) of a version's zip.</summary>
    public static string StorePathOf(string fileName) => $"{StoreFolder}/{fileName}";

    public async Task SaveAsync(MLContext ml, ITransformer model, DataViewSchema schema, string fileName, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        ml.Model.Save(model, schema, buffer);
        await store.WriteAsync(StorePathOf(fileName), buffer.ToArray(), ct);
    }

    /// <summary>Loads a version's model and layout, or throws <see cref="ModelFileException"/> saying why it cannot be used.</summary>
    public async Task<(ITransformer Model, FeatureLayout Layout)> LoadAsync(MLContext ml, ModelVersion version, CancellationToken ct)
    {
        var layout = LayoutOf(version) ?? throw new ModelFileException($"Model {version.Id} has no readable feature layout.");
        if (layout.Version != FeatureLayout.CurrentVersion)
        {
            throw new ModelFileException($"Model {version.Id} was trained on feature layout v{layout.Version}; this version computes v{FeatureLayout.CurrentVersion}.");
        }

        byte[]? bytes;
        try
        {
            bytes = await store.ReadAsync(StorePathOf(version.FileName), ct);
        }
        catch (ArgumentException ex)
        {
            throw new ModelFileException($"Model file name {version.FileName} is not a file name.", ex);
        }

        if (bytes is null)
        {
            throw new ModelFileException($"Model file {version.FileName} is missing.");
        }

        try
        {
            // ML.NET reads a model from any seekable stream: the bytes came from the store, wherever it keeps them.
            using var stream = new MemoryStream(bytes, writable: false);
            return (ml.Model.Load(stream, out _), layout);
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
