using System.Text.Json;
using System.Text.Json.Serialization;
using AdStudio.Core.Privacy;

namespace AdStudio.Web.Features.Privacy;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ShopperRequest))]
[JsonSerializable(typeof(ErasureAnswer))]
[JsonSerializable(typeof(PrivacyRequestPage))]
internal sealed partial class PrivacyJsonContext : JsonSerializerContext;
