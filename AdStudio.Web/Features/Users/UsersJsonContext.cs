using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdStudio.Web.Features.Users;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(RolesRequest))]
[JsonSerializable(typeof(PasswordRequest))]
[JsonSerializable(typeof(TwoFactorRequirementRequest))]
internal sealed partial class UsersJsonContext : JsonSerializerContext;
