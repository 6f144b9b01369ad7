using System.Net;
using System.Net.Http.Json;
using AdStudio.Tests.Support;
using AdStudio.Web.Features.Pipeline;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace AdStudio.Tests.Web.Features.Pipeline;

/// <summary>
/// The built app as a real process, killed with SIGKILL while its first-start seed is running, then started again
/// on the same data folder: the ledger re-queues the run, which finishes as attempt 2 with its first start kept.
/// </summary>
public sealed class PipelineKillTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDirectory = TempFolder.Create("kill");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempFolder.Delete(_dataDirectory);
    }

    [Fact]
    public async Task Restart_AfterKillDuringRun_RequeuesRunAndFinishesItAsSecondAttempt()
    {
        var port = NodeProcess.FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        PipelineRunDto killed;
        await using (var first = StartApp(port))
        {
            killed = await WaitForAsync(client, runs => runs.FirstOrDefault(r => r is { Step: "seed", Status: "running", Progress: > 0 }), TimeSpan.FromSeconds(40));
            await first.KillAsync();
        }

        await using var second = StartApp(port);
        var done = await WaitForAsync(client, runs => runs.FirstOrDefault(r => r.Id == killed.Id && r.Status is "succeeded" or "failed"), TimeSpan.FromSeconds(90));
        await second.KillAsync();

        output.WriteLine($"killed at {killed.Progress} % of attempt {killed.Attempt}; then: {done.Message}");
        Assert.Equal(1, killed.Attempt);
        Assert.Equal(("succeeded", 2, 3), (done.Status, done.Attempt, done.MaxAttempts));
        Assert.Equal(killed.StartedAt, done.StartedAt);
        Assert.True(done.Interrupted);
        Assert.True(done.InterruptedAt > killed.StartedAt);
        Assert.True(done.AttemptStartedAt >= done.InterruptedAt);
        Assert.StartsWith("Seeded", done.Message, StringComparison.Ordinal);
    }

    private NodeProcess StartApp(int port)
    {
        var settings = new Dictionary<string, string>
        {
            ["Demo:Enabled"] = "true",
            // Large enough that the seed runs for a few seconds, small enough that attempt 2 finishes quickly.
            ["Demo:Shoppers"] = "1500",
            ["Demo:Days"] = "7",
            ["Demo:Seed"] = "5",
            ["Pipeline:ProfileCron"] = "",
            ["Pipeline:ScoreCron"] = "",
            // On PostgreSQL the restarted node takes the run once the killed one missed its beats (SQLite: at start-up).
            ["Pipeline:NodeHeartbeatSeconds"] = "1",
            ["Pipeline:HeartbeatSeconds"] = "2",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        return NodeProcess.Start(settings.Concat(TestStorage.SettingsFor(_dataDirectory)), output, "kill", port);
    }

    private static async Task<PipelineRunDto> WaitForAsync(HttpClient client, Func<PipelineRunDto[], PipelineRunDto?> find, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                // A token from one run of the app is still good after the restart: the key ring is in the database.
                if (client.DefaultRequestHeaders.Authorization is null)
                {
                    TestCredentials.Authorize(client, await TestCredentials.TokenAsync(client));
                }

                using var response = await client.GetAsync("/api/pipeline/runs?limit=20");
                if (response.StatusCode == HttpStatusCode.OK && find((await response.Content.ReadFromJsonAsync<PipelineRunDto[]>())!) is { } found)
                {
                    return found;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
            {
                // Not listening yet, or not ready to sign in yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The pipeline run never reached the expected state.");
    }
}
