using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Accounts;
using AdStudio.Core.Auditing;
using AdStudio.Core.Privacy;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Privacy;

[Collection(RunningApp.Name)]
public sealed class AccessAndLogTests(AppHost app)
{
    private async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync(path, body);
    }

    [Fact]
    public async Task Access_KnownShopper_AnswersEverythingHeldAndIsLogged()
    {
        // Arrange
        var shopperId = ShopperFixture.NewId("access");
        var campaignId = await ShopperFixture.AddRowsAsync(app, shopperId);

        // Act
        using var response = await PostAsync("/api/privacy/access", new { shopperId });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(shopperId, document.GetProperty("shopperId").GetString());
        Assert.Equal(shopperId, document.GetProperty("shopper").GetProperty("id").GetString());
        Assert.Equal(ShopperFixture.Region, document.GetProperty("shopper").GetProperty("region").GetString());
        Assert.Equal("event", document.GetProperty("consentHistory")[0].GetProperty("source").GetString());
        Assert.Equal("books", document.GetProperty("profile").GetProperty("topCategories").GetString());
        Assert.Equal("purchase", document.GetProperty("behaviourEvents")[0].GetProperty("type").GetString());
        Assert.Equal(campaignId, document.GetProperty("adEvents")[0].GetProperty("campaignId").GetInt32());
        Assert.Single(document.GetProperty("segments").EnumerateArray());
        Assert.Equal("erasure-cluster", document.GetProperty("clusters")[0].GetProperty("clusterKey").GetString());
        Assert.Equal(campaignId, document.GetProperty("predictedAudiences")[0].GetProperty("campaignId").GetInt32());
        Assert.Contains("not stored", document.GetProperty("experimentAssignmentsNote").GetString(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        if (await db.Experiments.AnyAsync(e => e.Status != AdStudio.Core.Experiments.ExperimentStatus.Draft && e.Variants.Count > 0))
        {
            Assert.Contains(document.GetProperty("experimentAssignments").EnumerateArray(), a => a.GetProperty("basis").GetString() == "derived");
        }

        var masked = app.Services.GetRequiredService<ShopperPseudonyms>().Mask(shopperId);
        var request = await db.PrivacyRequests.SingleAsync(r => r.MaskedShopperId == masked);
        Assert.Equal(PrivacyRequestTypes.Access, request.Type);
        Assert.Contains("\"BehaviourEvents\":1", request.Counts, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == AuditTrail.Privacy && a.EntityId == request.Id && a.Action == "exported"));
    }

    [Fact]
    public async Task Access_UnknownId_Answers404Problem()
    {
        // Act
        using var response = await PostAsync("/api/privacy/access", new { shopperId = ShopperFixture.NewId("unknown") });

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"shopperId\":\"  \"}")]
    [InlineData("{\"shopperId\":42}")]
    [InlineData("not json")]
    public async Task AccessAndErasure_MissingBlankOrMalformedId_Answer400Problem(string body)
    {
        // Arrange
        using var client = app.CreateClient();

        // Act
        using var access = await client.PostAsync("/api/privacy/access", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        using var erasure = await client.PostAsync("/api/privacy/erasure", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        // Assert
        await ProblemAssert.IsProblemAsync(access, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(erasure, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AccessAndErasure_IdLongerThanTheColumn_Answer400Problem()
    {
        // Arrange
        var shopperId = new string('x', ShopperIds.MaxLength + 1);

        // Act
        using var access = await PostAsync("/api/privacy/access", new { shopperId });
        using var erasure = await PostAsync("/api/privacy/erasure", new { shopperId });

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(access, HttpStatusCode.BadRequest);
        Assert.Contains("at most 128", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(erasure, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Requests_AfterAccessAndErasure_ListBothNewestFirstWithMaskedIdsOnly()
    {
        // Arrange
        var shopperId = ShopperFixture.NewId("logged");
        await ShopperFixture.AddRowsAsync(app, shopperId);
        (await PostAsync("/api/privacy/access", new { shopperId })).Dispose();
        (await PostAsync("/api/privacy/erasure", new { shopperId })).Dispose();
        using var client = app.CreateClient();

        // Act
        using var response = await client.GetAsync("/api/privacy/requests?limit=2");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(shopperId, text, StringComparison.Ordinal);
        var page = JsonDocument.Parse(text).RootElement;
        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["erasure", "access"], entries.Select(e => e.GetProperty("type").GetString()));
        var masked = app.Services.GetRequiredService<ShopperPseudonyms>().Mask(shopperId);
        Assert.All(entries, e => Assert.Equal(masked, e.GetProperty("maskedShopperId").GetString()));
        Assert.Equal(1, entries[0].GetProperty("counts").GetProperty("BehaviourEvents").GetInt32());
        Assert.Equal(TestCredentials.AdminEmail, entries[0].GetProperty("requestedBy").GetString());
        Assert.Equal(entries[1].GetProperty("id").GetInt32(), page.GetProperty("nextBefore").GetInt32());
        await using var db = app.OpenDb();
        Assert.False(await db.PrivacyRequests.AnyAsync(r => r.Counts.Contains(shopperId) || r.MaskedShopperId == shopperId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Details != null && a.Details.Contains(shopperId)));
    }

    [Fact]
    public async Task Requests_BadLimit_Answers400Problem()
    {
        // Arrange
        using var client = app.CreateClient();

        // Act
        using var response = await client.GetAsync("/api/privacy/requests?limit=0");

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.Analyst)]
    public async Task PrivacyEndpoints_NonAdmin_Answer403(string role)
    {
        // Arrange
        using var client = await TestUsers.ClientAsync(app, role);
        var shopperId = ShopperFixture.NewId("not-for-you");

        // Act
        using var access = await client.PostAsJsonAsync("/api/privacy/access", new { shopperId });
        using var erasure = await client.PostAsJsonAsync("/api/privacy/erasure", new { shopperId });
        using var requests = await client.GetAsync("/api/privacy/requests");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, access.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, erasure.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, requests.StatusCode);
    }
}
