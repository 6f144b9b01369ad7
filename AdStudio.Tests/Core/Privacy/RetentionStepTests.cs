using AdStudio.Core.Events;
using AdStudio.Core.Privacy;
using AdStudio.Core.Privacy.Retention;
using AdStudio.Core.Reporting;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Privacy;

/// <summary>The retention step on a real database (SQLite or PostgreSQL, as the run chooses).</summary>
public sealed class RetentionStepTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private readonly FixedClock _clock = new(new DateTimeOffset(Now));
    private readonly PrivacyOptions _options = new() { BehaviourRetentionDays = 30, AdEventRetentionDays = 60 };
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task RunAsync_EventsPastTheirLimit_DeletesExactlyThoseAndKeepsRollupsAndConsent()
    {
        // Behaviour: 30 days, ad events: 60 days. One minute either side of each cut-off.
        await AddBehaviourAsync(Now.AddDays(-30).AddMinutes(-1), Now.AddDays(-45), Now.AddDays(-400));
        await AddBehaviourAsync(Now.AddDays(-30).AddMinutes(1), Now.AddDays(-1));
        await AddAdEventsAsync("old", Now.AddDays(-60).AddMinutes(-1), Now.AddDays(-90));
        await AddAdEventsAsync("kept", Now.AddDays(-60).AddMinutes(1), Now.AddDays(-45), Now.AddHours(-1));
        await using (var db = _db.Open())
        {
            db.ConsentRecords.Add(new ConsentRecord
            {
                ShopperId = "shopper-1",
                Personalisation = true,
                Measurement = true,
                OccurredAt = Now.AddDays(-500),
                RecordedAt = Now.AddDays(-500),
                Source = ConsentSources.Event,
            });
            await db.SaveChangesAsync();
        }

        var rollupsBefore = await RollupsAsync();

        var summary = await Step().RunAsync(new Progress<double>(), CancellationToken.None);

        await using var after = _db.Open();
        Assert.Equal(
            [Now.AddDays(-30).AddMinutes(1), Now.AddDays(-1)],
            await after.BehaviourEvents.OrderBy(e => e.OccurredAt).Select(e => e.OccurredAt).ToListAsync());
        Assert.Equal(
            ["kept-0", "kept-1", "kept-2"],
            await after.AdEvents.OrderBy(e => e.DecisionId).Select(e => e.DecisionId).ToListAsync());
        Assert.Equal(rollupsBefore, await RollupsAsync());
        Assert.Equal(4, rollupsBefore.Count);
        Assert.Equal(1, await after.ConsentRecords.CountAsync());
        Assert.Equal(
            "Deleted 3 behaviour events before 2026-10-31 12:00 UTC and 2 ad events before 2026-10-01 12:00 UTC; rollups and consent records kept.",
            summary);
    }

    [Fact]
    public async Task RunAsync_RunTwice_SecondRunDeletesNothing()
    {
        await AddBehaviourAsync(Now.AddDays(-31));
        await Step().RunAsync(new Progress<double>(), CancellationToken.None);

        var again = await Step().RunAsync(new Progress<double>(), CancellationToken.None);

        Assert.StartsWith("Deleted 0 behaviour events", again, StringComparison.Ordinal);
        Assert.Contains("and 0 ad events", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ManyOldRows_ReportsProgressBatchByBatch()
    {
        await AddBehaviourAsync([.. Enumerable.Range(0, 250).Select(i => Now.AddDays(-40).AddMinutes(i))]);
        await AddAdEventsAsync("old", [.. Enumerable.Range(0, 150).Select(i => Now.AddDays(-70).AddMinutes(i))]);
        var reported = new List<double>();

        await Step(batchSize: 50).RunAsync(new SyncProgress(reported.Add), CancellationToken.None);

        // 5 + 3 full batches, each reported, between the start and the end.
        Assert.Equal(1.0, reported[^1]);
        Assert.True(reported.Count >= 10, $"only {reported.Count} reports: {string.Join(", ", reported)}");
        Assert.Equal(reported.Order(), reported);
        Assert.Equal(8, reported.Count(p => p is > 0.02 and < 1));
    }

    [Fact]
    public async Task RunAsync_WhileTheEventWriterStoresNewEvents_LosesNoneAndSucceeds()
    {
        await AddBehaviourAsync([.. Enumerable.Range(0, 3000).Select(i => Now.AddDays(-40).AddSeconds(i))]);
        await AddAdEventsAsync("old", [.. Enumerable.Range(0, 1000).Select(i => Now.AddDays(-70).AddSeconds(i))]);
        var store = new EventStore(_db.Factory);
        using var stop = new CancellationTokenSource();
        var batches = 0;
        var writer = Task.Run(async () =>
        {
            // The shop keeps sending: each batch has a behaviour event and an impression dated now.
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await store.WriteAsync(
                    new EventBatch([Behaviour($"live-{i}", Now)], [Impression($"live-{i}", Now)]), CancellationToken.None);
                Interlocked.Increment(ref batches);
            }
        });

        // Each delete batch waits (in its progress report) until the writer has stored one more batch since the last
        // report, so writes land between deletes whatever the machine's scheduling.
        var step = Step(batchSize: 200);
        var seen = 0;
        var summary = await Task.Run(() => step.RunAsync(
            new SyncProgress(_ =>
            {
                var before = seen;
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref batches) > before, TimeSpan.FromSeconds(30)), "the writer stopped");
                seen = Volatile.Read(ref batches);
            }),
            CancellationToken.None));
        await stop.CancelAsync();
        await writer;

        await using var db = _db.Open();
        Assert.Equal(batches, await db.BehaviourEvents.CountAsync(e => e.ShopperId.StartsWith("live-")));
        Assert.Equal(batches, await db.AdEvents.CountAsync(e => e.DecisionId.StartsWith("live-")));
        Assert.Equal(0, await db.BehaviourEvents.CountAsync(e => e.OccurredAt < Now.AddDays(-30)));
        Assert.Equal(0, await db.AdEvents.CountAsync(e => e.OccurredAt < Now.AddDays(-60)));
        Assert.True(batches >= 20, $"the writer stored only {batches} batches while the step ran");
        Assert.StartsWith("Deleted 3000 behaviour events", summary, StringComparison.Ordinal);
        Assert.Contains("and 1000 ad events", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollupRebuild_AfterRetention_KeepsTheRollupsOfDeletedDays()
    {
        await AddAdEventsAsync("old", Now.AddDays(-90), Now.AddDays(-89));
        await AddAdEventsAsync("kept", Now.AddDays(-2));
        await Step().RunAsync(new Progress<double>(), CancellationToken.None);

        var summary = await new RollupStep(_db.Factory, Options.Create(_options), _clock).RunAsync(new Progress<double>(), CancellationToken.None);

        Assert.Equal("Rebuilt 1 daily rollup rows from the ad events.", summary);
        var days = (await RollupsAsync()).Select(r => (r.Date, r.Impressions)).ToList();
        Assert.Equal(
            [(DateOnly.FromDateTime(Now.AddDays(-90)), 1L), (DateOnly.FromDateTime(Now.AddDays(-89)), 1L), (DateOnly.FromDateTime(Now.AddDays(-2)), 1L)],
            days);
    }

    [Fact]
    public void FirstWholeAdEventDay_CutoffInsideADay_IsTheNextDay()
    {
        Assert.Equal(new DateOnly(2026, 10, 2), RetentionCutoffs.At(Now, _options).FirstWholeAdEventDay);
        Assert.Equal(new DateOnly(2026, 10, 1), RetentionCutoffs.At(Now.Date, _options).FirstWholeAdEventDay);
    }

    private RetentionStep Step(int batchSize = RetentionStep.DefaultBatchSize) => new(_db.Factory, Options.Create(_options), _clock) { BatchSize = batchSize };

    private async Task AddBehaviourAsync(params DateTime[] times)
    {
        await using var db = _db.Open();
        db.BehaviourEvents.AddRange(times.Select((t, i) => Behaviour($"shopper-{i % 7}", t)));
        await db.SaveChangesAsync();
    }

    // Through the event store, so each impression also lands in the day's rollup as ingestion does.
    private Task<EventWriteResult> AddAdEventsAsync(string prefix, params DateTime[] times) =>
        new EventStore(_db.Factory).WriteAsync(new EventBatch([], [.. times.Select((t, i) => Impression($"{prefix}-{i}", t))]), CancellationToken.None);

    private async Task<List<(DateOnly Date, long Impressions, double Cost)>> RollupsAsync()
    {
        await using var db = _db.Open();
        var rows = await db.DailyRollups.AsNoTracking().OrderBy(r => r.Date).ToListAsync();
        return [.. rows.Select(r => (r.Date, r.Impressions, Math.Round(r.Cost, 6)))];
    }

    private static BehaviourEvent Behaviour(string shopperId, DateTime at) =>
        new() { ShopperId = shopperId, Type = BehaviourEventType.View, Category = "Books", OccurredAt = at };

    private static AdEvent Impression(string decisionId, DateTime at) =>
        EventFactory.Ad(AdEventType.Impression, decisionId, cost: 0.01, at: at);

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
