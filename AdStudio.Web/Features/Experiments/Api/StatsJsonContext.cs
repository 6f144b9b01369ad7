using System.Text.Json;
using System.Text.Json.Serialization;
using AdStudio.Core.Experiments.Stats;

namespace AdStudio.Web.Features.Experiments.Api;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CompareRequest))]
[JsonSerializable(typeof(ComparisonResult))]
[JsonSerializable(typeof(StopRequest))]
[JsonSerializable(typeof(WeightsRequest))]
[JsonSerializable(typeof(CreateExperimentRequest))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
