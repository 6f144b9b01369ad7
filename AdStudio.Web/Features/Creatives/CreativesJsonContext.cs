using System.Text.Json;
using System.Text.Json.Serialization;
using AdStudio.Core.Creatives;

namespace AdStudio.Web.Features.Creatives;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CreativeCopy))]
[JsonSerializable(typeof(ReviewRequest))]
internal sealed partial class CreativesJsonContext : JsonSerializerContext;
