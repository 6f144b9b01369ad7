using System.Text.Json;
using System.Text.Json.Serialization;
using AdStudio.Core.Campaigns;

namespace AdStudio.Web.Features.Campaigns;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CampaignDraft))]
internal sealed partial class CampaignsJsonContext : JsonSerializerContext;
