using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdStudio.Web.Features.Experiments.Api;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CompareRequest))]
[JsonSerializable(typeof(CompareResponse))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
