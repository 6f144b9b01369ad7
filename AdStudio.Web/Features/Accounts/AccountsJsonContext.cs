using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdStudio.Web.Features.Accounts;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class AccountsJsonContext : JsonSerializerContext;
