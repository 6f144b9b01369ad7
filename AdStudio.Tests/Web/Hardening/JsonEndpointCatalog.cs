namespace AdStudio.Tests.Web.Hardening;

/// <summary>
/// Every endpoint that reads a JSON body (from the Map* calls of AdStudio.Web), with a valid example body.
/// Models and pipeline endpoints read no body and the creative upload and import read multipart, so they are not here.
/// </summary>
public static class JsonEndpointCatalog
{
    private const string Rule = """{"all":[{"field":"spend_90d","op":">=","value":100},{"any":[{"field":"region","op":"in","values":["north","east"]},{"field":"interest","category":"books","op":">=","value":0.3}]}]}""";

    public static IReadOnlyList<JsonEndpoint> All { get; } =
    [
        new("POST", "/serve", [("shopperId", "\"fuzz-1\""), ("placement", "\"sidebar\""), ("context", """{"page":"home","tags":["a","b"]}""")]),
        new("POST", "/events", [("events", $$"""[{"type":"view","shopperId":"fuzz-1","timestamp":"{{Now}}","category":"books","productId":"p-1"},{"type":"purchase","shopperId":"fuzz-1","timestamp":"{{Now}}","amount":12.5,"category":"books","productId":"p-1"}]""")]),
        new("POST", "/api/stats/compare", [("metricType", "\"mean\""), ("control", """{"n":1000,"sum":520,"sumSquares":900}"""), ("treatment", """{"n":1000,"sum":560,"sumSquares":950}"""), ("difference", "\"relative\""), ("alternative", "\"two-sided\""), ("alpha", "0.05"), ("sequential", "true"), ("sequentialTuning", "5000")]),
        new("POST", "/api/experiments/{id}/stop", [("decision", "\"keep_control\""), ("rationale", "\"fuzz\"")]),
        new("PUT", "/api/experiments/{id}/weights", [("weights", """{"1":1,"2":1}""")]),
        new("POST", "/api/campaigns", Campaign),
        new("PUT", "/api/campaigns/{id}", Campaign),
        new("PUT", "/api/creatives/{id}", [("name", "\"Fuzz\""), ("headline", "\"Read more\""), ("body", "\"Books\""), ("callToAction", "\"Shop\""), ("landingUrl", "\"https://shop.example/books\""), ("category", "\"books\""), ("tags", "\"a,b\""), ("discount", "0.1")]),
        new("POST", "/api/creatives/{id}/approve", [("reasons", "\"ok\"")], ValidOnlyInReview: true),
        new("POST", "/api/creatives/{id}/reject", [("reasons", "\"too loud\"")], ValidOnlyInReview: true),
        new("POST", "/api/segments/preview", Segment),
        new("POST", "/api/segments", Segment),
        new("PUT", "/api/segments/{id}", Segment),
        new("POST", "/api/storefront-keys", [("name", "\"Fuzz key\"")]),

        // Id 1 is the fuzzing admin itself: changes to one's own account are refused (409), so the client's token survives.
        new("POST", "/api/users", [("email", "\"fuzz-user@adstudio.test\""), ("password", "\"a-long-fuzz-password\""), ("roles", "[\"analyst\"]")]),
        new("PUT", "/api/users/{id}/roles", [("roles", "[\"analyst\",\"reviewer\"]")]),
        new("POST", "/api/users/{id}/password", [("password", "\"another-long-fuzz-password\"")]),
        new("PUT", "/api/users/{id}/two-factor", [("required", "true")]),
    ];

    private static string Now => DateTime.UtcNow.AddMinutes(-1).ToString("O");

    private static (string, string)[] Campaign =>
    [
        ("name", "\"Fuzz campaign\""), ("objective", "\"conversions\""), ("bidType", "\"cpc\""), ("bid", "0.7"), ("dailyBudget", "10"), ("totalBudget", "100"),
        ("startsAt", $"\"{Now}\""), ("endsAt", "null"), ("dayparting", "\"\""), ("frequencyCapPerDay", "2"), ("placements", "[\"sidebar\"]"),
        ("creativeIds", "[1]"), ("includeSegments", "[]"), ("excludeSegments", "[]"),
    ];

    private static (string, string)[] Segment => [("name", "\"Fuzz segment\""), ("description", "\"d\""), ("rule", Rule)];
}
