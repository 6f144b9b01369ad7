using System.Net;
using System.Text;
using AdStudio.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace AdStudio.Tests.Web.Hardening;

/// <summary>
/// Property: whatever JSON reaches an endpoint that reads a JSON body, the answer is a 2xx or a 4xx problem, never a 5xx.
/// Each endpoint runs <see cref="CasesPerEndpoint"/> cases from the fixed seed <see cref="Seed"/>, so a failure
/// replays exactly; FsCheck shrinks a failing body before reporting it.
/// </summary>
[Collection(FuzzedApp.Name)]
public sealed class JsonBodyPropertyTests(AppHost app, ITestOutputHelper output)
{
    public const ulong Seed = 20261130;
    public const ulong Gamma = 1013904243;
    private const int CasesPerEndpoint = 200;

    public static TheoryData<string> Endpoints => [.. JsonEndpointCatalog.All.Select(e => e.ToString())];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void AnyBody_AnyEndpoint_IsNever5xx(string endpointName)
    {
        // Arrange
        var endpoint = JsonEndpointCatalog.All.Single(e => e.ToString() == endpointName);
        using var client = app.CreateClient(followRedirects: false);
        var cases = Gen.Zip(JsonFuzz.Body(endpoint.Valid), Gen.Elements(1, 2, 3, 987654)).ToArbitrary();
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(CasesPerEndpoint)
            .WithEndSize(30)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, Gamma), FSharpOption<int>.None)));

        // Act + Assert
        var statuses = new SortedDictionary<int, int>();
        var property = Prop.ForAll(cases, c => Answer(client, endpoint, c.Item1, c.Item2, statuses));
        Check.One($"{endpointName} (seed {Seed}, gamma {Gamma})", config, property);
        output.WriteLine($"{endpointName}: " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));

        // The layer only means something if the valid example and some mutations get past body validation.
        Assert.Contains(statuses.Keys, s => s is < 300 or 404 or 409 || endpoint.ValidOnlyInReview);
    }

    private static bool Answer(HttpClient client, JsonEndpoint endpoint, string body, int id, SortedDictionary<int, int> statuses)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Route.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = client.Send(request);
        var status = (int)response.StatusCode;
        statuses[status] = statuses.GetValueOrDefault(status) + 1;
        if (status == 400 && !endpoint.ValidOnlyInReview && body == JsonFuzz.Render(endpoint.Valid))
        {
            throw new InvalidOperationException($"The valid example of {endpoint} (id {id}) was refused: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }

        var media = response.Content.Headers.ContentType?.MediaType;
        if (status >= 500 || status < 200 || (status >= 400 && media != "application/problem+json"))
        {
            throw new InvalidOperationException($"{endpoint} (id {id}) answered {status} ({media}) to the body {Excerpt(body)}\nAnswer: {Excerpt(response.Content.ReadAsStringAsync().GetAwaiter().GetResult())}");
        }

        return response.StatusCode != HttpStatusCode.InternalServerError;
    }

    private static string Excerpt(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
