using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdStudio.Web.Features.Segments;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(SegmentRequest))]
internal sealed partial class SegmentsJsonContext : JsonSerializerContext;
