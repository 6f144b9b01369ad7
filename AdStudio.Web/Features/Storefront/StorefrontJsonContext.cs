using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdStudio.Web.Features.Storefront;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CreateStorefrontKeyRequest))]
internal sealed partial class StorefrontJsonContext : JsonSerializerContext;
