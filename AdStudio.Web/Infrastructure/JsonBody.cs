using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AdStudio.Web.Infrastructure;

/// <summary>Reads a JSON request body with a source-generated contract and says clearly what is wrong with it.</summary>
public static class JsonBody
{
    public static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, "The body must be JSON (Content-Type: application/json).");
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, ct);
            return value is null ? (null, "The body is empty or null.") : (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            return (null, $"The body is not valid JSON for this endpoint{where}: {ex.Message.Split(" Path:")[0]}");
        }
    }
}
