using AdStudio.Core.Audiences;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Reporting;
using AdStudio.Core.Serving;
using AdStudio.Core.Shop;
using AdStudio.Core.Simulation;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Pipeline;

/// <summary>The real long steps on a small real SQLite database report progress through their phases, not 0 then 100.</summary>
public sealed class StepProgressTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly DemoOptions _demo = new() { Shoppers = 1500, Days = 14, Seed = 7 };
    private readonly ServingOptions _serving = new();
    private readonly ShopOptions _shop = TestShop.With("sidebar", "leaderboard");

    private readonly ModelingOptions _modeling = new()
    {
        Trainers = [TrainerKind.LogisticRegression],
        MinimumRows = 200,
        // Half the 14 days: at the demo's CTR of about 1 % this small shop needs a week for the 10 validation clicks.
        ValidationDays = 7,
        MinimumConversionRows = 20,
        ImportanceRows = 500,
    };

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task RunAsync_LongSteps_ReportIncreasingIntermediateProgress()
    {
        var seed = await RecordAsync(new DemoSeeder(
            _db.Factory, new EventStore(_db.Factory), new SnapshotBuilder(_db.Factory, Options.Create(_serving), Options.Create(_shop)),
            new AdServer(new DecisionEngine(0.05), new DecisionTokenCodec(new byte[32])), Options.Create(_demo), _clock));
        var rollup = await RecordAsync(new RollupStep(_db.Factory, Options.Create(new AdStudio.Core.Privacy.PrivacyOptions()), _clock));
        var files = new ModelFiles(new LocalFileStore(new DataPaths(_db.Directory)));
        var train = await RecordAsync(new ModelTrainingStep(
            new TrainingDataLoader(_db.Factory, new SmoothingPrior(_serving.PriorStrength), Options.Create(_shop), Options.Create(_demo)),
            new ChampionChallenger(_db.Factory, files, new ModelRegistry(_db.Factory, _clock), Options.Create(_modeling)),
            Options.Create(_modeling),
            _clock));
        // A small history may not beat the base rate; score with the candidate anyway, as an operator's promote would.
        await PromoteNewestClickModelAsync();
        var score = await RecordAsync(new AudienceScoringStep(_db.Factory, files, Options.Create(_serving), Options.Create(_shop), Options.Create(_modeling), _clock));

        AssertAdvances("seed", seed, atLeast: 10);
        AssertAdvances("rollup", rollup, atLeast: 10);
        AssertAdvances("train", train, atLeast: 3);
        AssertAdvances("score", score, atLeast: 3);
    }

    private async Task PromoteNewestClickModelAsync()
    {
        await using var db = _db.Open();
        if (!await db.ModelVersions.AnyAsync(v => v.Kind == ModelKind.Ctr && v.Status == ModelStatus.Active))
        {
            var newest = await db.ModelVersions.Where(v => v.Kind == ModelKind.Ctr).OrderByDescending(v => v.Id).FirstAsync();
            await new ModelRegistry(_db.Factory, _clock).PromoteAsync(newest.Id, "test", CancellationToken.None);
        }
    }

    private static async Task<(string Summary, List<double> Values)> RecordAsync(IPipelineStep step)
    {
        var recorder = new RecordingProgress();
        var summary = await step.RunAsync(recorder, CancellationToken.None);
        return (summary, recorder.Values);
    }

    private static void AssertAdvances(string step, (string Summary, List<double> Values) run, int atLeast)
    {
        var (summary, values) = run;
        Assert.True(values.Count > 0, $"{step} reported nothing: {summary}");
        for (var i = 1; i < values.Count; i++)
        {
            Assert.True(values[i] >= values[i - 1], $"{step} went back from {values[i - 1]} to {values[i]}");
        }

        var intermediate = values.Where(v => v is > 0 and < 1).Distinct().ToList();
        Assert.True(intermediate.Count >= atLeast, $"{step} reported only {string.Join(", ", values)} ({summary})");
        Assert.Equal(1, values[^1]);
    }

    private sealed class RecordingProgress : IProgress<double>
    {
        private readonly Lock _gate = new();

        public List<double> Values { get; } = [];

        public void Report(double value)
        {
            lock (_gate)
            {
                Values.Add(value);
            }
        }
    }
}
