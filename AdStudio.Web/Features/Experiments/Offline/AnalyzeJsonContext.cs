using System.Text.Json;
using System.Text.Json.Serialization;
using AdStudio.Core.Experiments.Offline;

namespace AdStudio.Web.Features.Experiments.Offline;

/// <summary>Source-generated camelCase JSON of the offline analysis; null fields (the control's comparison) are written as null.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OfflineResults))]
internal sealed partial class AnalyzeJsonContext : JsonSerializerContext;
