using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdStudio.Web.Features.Events;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(IncomingEventBatch))]
[JsonSerializable(typeof(EventsAccepted))]
internal sealed partial class EventsJsonContext : JsonSerializerContext;
