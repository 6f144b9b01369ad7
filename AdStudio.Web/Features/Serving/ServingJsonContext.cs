using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdStudio.Web.Features.Serving;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ServeRequest))]
[JsonSerializable(typeof(ServeResponse))]
internal sealed partial class ServingJsonContext : JsonSerializerContext;
