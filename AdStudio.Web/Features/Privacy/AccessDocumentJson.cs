using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdStudio.Web.Features.Privacy;

/// <summary>How an access document is written, for the API and the page's download alike: enum names as text, indented for a person to read.</summary>
public static class AccessDocumentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
