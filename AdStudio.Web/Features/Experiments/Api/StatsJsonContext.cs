using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdStudio.Web.Features.Experiments.Api;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CompareRequest))]
[JsonSerializable(typeof(CompareResponse))]
[JsonSerializable(typeof(StopRequest))]
[JsonSerializable(typeof(WeightsRequest))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
