using System.Net;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Nodes;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Pipeline;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Web.Infrastructure;

/// <summary><c>Node:Roles</c>: a node answers its roles' paths, 404s the others, and runs jobs only with 'jobs'.</summary>
[Collection(OwnApps.Name)]
public sealed class NodeRolesTests
{
    // Combinations SQLite accepts too (a node with 'ui' or 'api' needs 'jobs' there, see the validation tests).
    [Theory]
    [InlineData("serve")]
    [InlineData("jobs")]
    [InlineData("serve,jobs")]
    [InlineData("ui,api,jobs")]
    [InlineData("api,serve,jobs")]
    [InlineData("ui,jobs")]
    public async Task Start_Roles_AnswersOnlyThoseRolesPaths(string roles) => await AssertPathsAsync(roles);

    // Without 'jobs', 'ui' and 'api' need a shared job queue: PostgreSQL only.
    [Theory]
    [Trait("Storage", "PostgresOnly")]
    [InlineData("ui")]
    [InlineData("api")]
    [InlineData("ui,api")]
    [InlineData("api,serve")]
    public async Task Start_RolesWithoutJobsOnPostgres_AnswersOnlyThoseRolesPaths(string roles) => await AssertPathsAsync(roles);

    [Fact]
    public async Task Start_RolesAsArray_RunsThoseRoles()
    {
        await WithNodeAsync(
            new Dictionary<string, string> { ["Node:Roles:0"] = "Serve", ["Node:Roles:1"] = " jobs " },
            (factory, _) =>
            {
                Assert.Equal("serve,jobs", factory.Services.GetRequiredService<NodeRoles>().ToString());
                return Task.CompletedTask;
            });
    }

    [Fact]
    public async Task Start_NodeWithoutJobs_RunsNoHangfireServerSweeperOrSeed()
    {
        await WithNodeAsync(
            new Dictionary<string, string> { ["Node:Roles"] = "serve" },
            async (factory, directory) =>
            {
                var hosted = factory.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

                Assert.DoesNotContain(hosted, n => n.Contains("BackgroundJobServer", StringComparison.Ordinal));
                Assert.DoesNotContain(nameof(PipelineSweeper), hosted);
                Assert.Contains(hosted, n => n.Contains("SnapshotRefresher", StringComparison.Ordinal));
                await using var db = new AdStudioDb(TestStorage.TargetFor(directory).Options());
                Assert.Equal(0, await db.Campaigns.CountAsync());
                Assert.Equal(0, await db.PipelineRuns.CountAsync());
            });
    }

    [Fact]
    public async Task Start_NodeWithJobs_RunsHangfireServerAndSweeper()
    {
        await WithNodeAsync(
            new Dictionary<string, string> { ["Node:Roles"] = "jobs" },
            (factory, _) =>
            {
                var hosted = factory.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

                Assert.Contains(hosted, n => n.Contains("BackgroundJobServer", StringComparison.Ordinal));
                Assert.Contains(nameof(PipelineSweeper), hosted);
                return Task.CompletedTask;
            });
    }

    [Theory]
    [InlineData("serve,printer", "'printer'")]
    [InlineData("7", "'7'")]
    [InlineData("", "names no role")]
    [InlineData(" , ", "names no role")]
    public async Task Start_BadRoles_FailsNamingTheSetting(string value, string named)
    {
        var error = await StartFailureAsync(new Dictionary<string, string> { ["Node:Roles"] = value });

        Assert.Contains("Node:Roles", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UiWithoutJobsOnSqlite_FailsNamingTheSetting()
    {
        var error = await StartFailureAsync(new Dictionary<string, string> { ["Node:Roles"] = "ui,api", ["Storage:Provider"] = "Sqlite" });

        Assert.Contains("Node:Roles", error.Message, StringComparison.Ordinal);
        Assert.Contains("'jobs'", error.Message, StringComparison.Ordinal);
    }

    private static async Task AssertPathsAsync(string roles)
    {
        await WithNodeAsync(
            new Dictionary<string, string> { ["Node:Roles"] = roles },
            async (factory, _) =>
            {
                var has = roles.Split(',');
                using var started = factory.CreateClient();
                using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = started.BaseAddress };

                // A role's path answers as it always does (401 without credentials, 400 for a bogus decision id, ...); without the role it is 404.
                await ExpectAsync(client, HttpMethod.Get, "/health", has.Length > 0, HttpStatusCode.OK);
                await ExpectAsync(client, HttpMethod.Post, "/serve", has.Contains("serve"), HttpStatusCode.Unauthorized);
                await ExpectAsync(client, HttpMethod.Post, "/events", has.Contains("serve"), HttpStatusCode.Unauthorized);
                await ExpectAsync(client, HttpMethod.Get, "/c/bogus", has.Contains("serve"), HttpStatusCode.BadRequest);
                await ExpectAsync(client, HttpMethod.Get, "/i/bogus", has.Contains("serve"), HttpStatusCode.BadRequest);
                await ExpectAsync(client, HttpMethod.Get, "/api/campaigns", has.Contains("api"), HttpStatusCode.Unauthorized);
                await ExpectAsync(client, HttpMethod.Get, "/api/storefront-keys", has.Contains("api"), HttpStatusCode.Unauthorized);
                await ExpectAsync(client, HttpMethod.Get, "/", has.Contains("ui"), HttpStatusCode.Redirect);
                await ExpectAsync(client, HttpMethod.Get, "/hangfire", has.Contains("ui"), HttpStatusCode.Unauthorized);
                await ExpectAsync(client, HttpMethod.Get, "/_framework/blazor.web.js", has.Contains("ui"), HttpStatusCode.OK);

                // An unknown image is a 404 either way, so the routing table tells whether this node serves creative images.
                var patterns = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
                    .OfType<RouteEndpoint>().Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')).ToList();
                Assert.Equal(has.Contains("serve") || has.Contains("ui"), patterns.Any(p => p.StartsWith("/creatives/files/", StringComparison.Ordinal)));
                Assert.Equal(has.Contains("ui"), patterns.Any(p => p.StartsWith("/_blazor", StringComparison.Ordinal)));
            });
    }

    private static async Task ExpectAsync(HttpClient client, HttpMethod method, string path, bool answered, HttpStatusCode whenAnswered)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path));

        Assert.True(
            response.StatusCode == (answered ? whenAnswered : HttpStatusCode.NotFound),
            $"{method} {path}: expected {(answered ? whenAnswered : HttpStatusCode.NotFound)}, got {(int)response.StatusCode}.");
    }

    private static async Task WithNodeAsync(Dictionary<string, string> settings, Func<AdStudioFactory, string, Task> act)
    {
        var directory = TempFolder.Create("roles");
        try
        {
            await using var factory = new AdStudioFactory(directory, settings);
            factory.StartServer();
            await act(factory, directory);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await TestStorage.DropAsync(directory);
            TempFolder.Delete(directory);
        }
    }

    private static async Task<OptionsValidationException> StartFailureAsync(Dictionary<string, string> settings)
    {
        var directory = TempFolder.Create("bad-roles");
        try
        {
            await using var factory = new AdStudioFactory(directory, settings);
            return Assert.ThrowsAny<OptionsValidationException>(factory.StartServer);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await TestStorage.DropAsync(directory);
            TempFolder.Delete(directory);
        }
    }
}
