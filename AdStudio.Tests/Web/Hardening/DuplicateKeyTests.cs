using System.Net;
using System.Text;
using AdStudio.Tests.Support;

namespace AdStudio.Tests.Web.Hardening;

/// <summary>
/// A JSON object that names a key twice is ambiguous: every JSON endpoint refuses it with a 400 naming the key and
/// the object it is in (inside a segment rule, the rule; in a map such as weights, the path to the repeated key).
/// </summary>
[Collection(RunningApp.Name)]
public sealed class DuplicateKeyTests(AppHost app)
{
    public static TheoryData<string, string, string, string> Bodies => new()
    {
        { "POST", "/serve", """{"shopperId":"a","placement":"sidebar","shopperId":"b"}""", "'shopperId'|at $" },
        { "POST", "/serve", """{"shopperId":"a","placement":"sidebar","context":{"page":"home","page":"cart"}}""", "'page'|at $.context" },
        { "POST", "/events", """{"events":[{"type":"view","type":"search","shopperId":"a","timestamp":"2026-01-01T00:00:00Z"}]}""", "'type'|at $.events[0]" },
        { "POST", "/api/stats/compare", """{"metricType":"proportion","control":{"n":100,"sum":3,"n":200},"treatment":{"n":100,"sum":4}}""", "'n'|at $.control" },
        { "PUT", "/api/experiments/1/weights", """{"weights":{"1":1,"1":5}}""", "at $.weights.1:" },
        { "POST", "/api/experiments/1/stop", """{"decision":"keep_control","decision":"ship:2"}""", "'decision'|at $" },
        { "POST", "/api/campaigns", """{"name":"a","name":"b","placements":[],"creativeIds":[],"includeSegments":[],"excludeSegments":[]}""", "'name'|at $" },
        { "PUT", "/api/campaigns/1", """{"name":"a","bid":1,"bid":2}""", "'bid'|at $" },
        { "PUT", "/api/creatives/1", """{"name":"a","discount":0.1,"discount":0.5}""", "'discount'|at $" },
        { "POST", "/api/creatives/1/reject", """{"reasons":"x","reasons":"y"}""", "'reasons'|at $" },
        { "POST", "/api/users", """{"email":"dup@adstudio.test","password":"a-long-enough-password","roles":["analyst"],"roles":["admin"]}""", "'roles'|at $" },
        { "PUT", "/api/users/987654/roles", """{"roles":["analyst"],"roles":["admin"]}""", "'roles'|at $" },
        { "POST", "/api/segments/preview", """{"rule":{"all":[{"field":"spend_90d","op":">=","op":"<","value":1}]}}""", "'op'|at $.rule:" },
        { "POST", "/api/segments", """{"name":"dup","rule":{"all":[{"field":"region","op":"in","values":["north"]}],"all":[]}}""", "'all'|at $.rule" },
        { "PUT", "/api/segments/1", """{"name":"dup","rule":{"any":[{"field":"interest","category":"books","category":"toys","op":">=","value":0.2}]}}""", "'category'|at $.rule:" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Send_DuplicateKey_AnswersBadRequestNamingKeyAndPath(string method, string path, string body, string expected)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        using var response = await client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.All(expected.Split('|'), part => Assert.True(detail.Contains(part, StringComparison.Ordinal), $"\"{part}\" is not in: {detail}"));
    }
}
