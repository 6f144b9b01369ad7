using AdStudio.Core.Audiences;
using AdStudio.Core.Events;
using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Results;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Core.Simulation;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static AdStudio.Tests.Support.ConsentWorld;

namespace AdStudio.Tests.Core.Privacy;

/// <summary>
/// Each consent purpose on and off (<see cref="ConsentWorld.Matrix"/>) against what storage-derived outputs hold: a shopper
/// without personalisation has no profile, segment or cluster membership, predicted-audience entry, shopper features in
/// training rows or scoring, and no personalised copy; a shopper without measurement is left out of experiment analysis.
/// Rows made before the withdrawal are left in place, as they are until deletion (another component) catches up.
/// </summary>
public sealed class ConsentMatrixTests : IAsyncLifetime
{
    // The slots of the feature vector that describe the shopper; everything else is the creative and the context.
    private static readonly string[] ShopperSlotNames =
    [
        "interest_in_ad_category", "interest_cosine", "log_relative_interest", "log_events", "log_purchases",
        "days_since_last_visit", "hour_affinity", "price_index", "discount_x_bargain", .. Categories.Select(c => "interest_" + c),
    ];

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Profiling_EachPurposeOnOrOff_KeepsAProfileOnlyWithPersonalisation()
    {
        // Arrange
        var world = await ConsentWorld.CreateAsync(_db);

        // Act
        await world.Profiling().RunAsync(forceFull: true, new Progress<double>(), CancellationToken.None);

        // Assert
        await using var db = _db.Open();
        Assert.Equal(Personalised.Order(), await db.Profiles.Select(p => p.ShopperId).OrderBy(id => id).ToListAsync());
        Assert.Equal(Personalised.Order(), await db.SegmentMembers.Where(m => m.SegmentId == world.NorthSegmentId).Select(m => m.ShopperId).OrderBy(id => id).ToListAsync());
    }

    [Fact]
    public async Task SegmentMembership_PersonalisationOffBeforeRematerialising_IsNeitherServedNorWrittenToNewSegments()
    {
        // Arrange: the audience in memory was loaded while everyone consented.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var audiences = new AudienceIndex(new AudienceLoader(_db.Factory), clock);
        var world = await ConsentWorld.CreateAsync(_db, audiences);
        var segments = new SegmentService(_db.Factory, audiences, clock);

        // Act
        var snapshot = await world.Snapshots().BuildAsync(world.Now, CancellationToken.None);
        var created = await segments.CreateAsync("North again", null, """{"all":[{"field":"region","op":"in","values":["north"]}]}""", "tester", CancellationToken.None);

        // Assert
        foreach (var (id, personalisation, _) in Matrix)
        {
            Assert.Equal(personalisation ? [world.NorthSegmentId] : [], snapshot.SegmentsOf(id));
        }

        await using var db = _db.Open();
        Assert.Equal(Personalised.Order(), await db.SegmentMembers.Where(m => m.SegmentId == created.Id).Select(m => m.ShopperId).OrderBy(id => id).ToListAsync());
        Assert.Equal(Personalised.Count(), created.Size);
    }

    [Fact]
    public async Task ClusterMembership_PersonalisationOff_IsLeftOutOfClustersAndAdoptedSegments()
    {
        // Arrange: a clustering run from before the withdrawal assigned everyone.
        var world = await ConsentWorld.CreateAsync(_db);
        await using (var db = _db.Open())
        {
            db.Clusters.Add(new Cluster { Key = "c-readers", Label = "Readers", Size = Matrix.Length, CentroidJson = "[]", RunAt = world.Now });
            db.ClusterAssignments.AddRange(Matrix.Select(s => new ClusterAssignment { ShopperId = s.Id, ClusterKey = "c-readers" }));
            await db.SaveChangesAsync();
        }

        // Act
        var latest = await new ClusterMembership(_db.Factory).LatestAsync(CancellationToken.None);
        var adopted = await new SegmentService(_db.Factory, new AudienceIndex(new AudienceLoader(_db.Factory), world.Clock), world.Clock)
            .AdoptClusterAsync("c-readers", "Readers", "tester", CancellationToken.None);

        // Assert
        Assert.Equal(Personalised.Order(), latest["c-readers"].Order());
        await using var after = _db.Open();
        Assert.Equal(Personalised.Order(), await after.SegmentMembers.Where(m => m.SegmentId == adopted.Id).Select(m => m.ShopperId).OrderBy(id => id).ToListAsync());
    }

    [Fact]
    public async Task TrainingRows_PersonalisationOff_CarryTheContextAndAnUnknownShopper()
    {
        // Arrange: one impression each, stored with the shopper id (before the withdrawal), plus one of a stranger.
        var world = await ConsentWorld.CreateAsync(_db);
        await using (var db = _db.Open())
        {
            db.AdEvents.AddRange(Matrix.Select(s => s.Id).Append(Stranger).Select((id, i) => new AdEvent
            {
                Type = AdEventType.Impression,
                DecisionId = $"d{i}",
                ShopperId = id,
                CampaignId = world.CampaignId,
                CreativeId = world.CreativeId,
                Placement = Placement,
                OccurredAt = world.Now.AddMinutes(-30 + i),
            }));
            await db.SaveChangesAsync();
        }

        var loader = new TrainingDataLoader(_db.Factory, new SmoothingPrior(new ServingOptions().PriorStrength), TestShop.Options(), Options.Create(new DemoOptions()));

        // Act
        var data = await loader.LoadAsync(CancellationToken.None);

        // Assert: every impression is a row; only consenting shoppers are described beyond the context.
        var slots = ShopperSlotNames.Select(name => Array.IndexOf(data.Layout.FeatureNames, name)).ToArray();
        Assert.DoesNotContain(-1, slots);
        var rows = data.Rows.ToDictionary(r => r.ShopperId, StringComparer.Ordinal);
        Assert.Equal(Matrix.Length + 1, rows.Count);
        var unknown = slots.Select(i => rows[Stranger].Features[i]).ToArray();
        foreach (var (id, personalisation, _) in Matrix)
        {
            var shopperPart = slots.Select(i => rows[id].Features[i]).ToArray();
            if (personalisation)
            {
                Assert.NotEqual(unknown, shopperPart);
            }
            else
            {
                Assert.Equal(unknown, shopperPart);
            }
        }
    }

    [Fact]
    public async Task Scoring_PersonalisationOff_DecidesOnContextOnlyAsForAnUnknownShopper()
    {
        // Arrange
        var world = await ConsentWorld.CreateAsync(_db);
        await world.ActivateClickModelAsync();

        // Act
        var snapshot = await world.Snapshots(new ActiveModelLoader(world.Files, world.Clock)).BuildAsync(world.Now, CancellationToken.None);

        // Assert: the decision input (the feature vector) of a non-consenting shopper is the unknown one; a consenting
        // shopper's differs from it in shopper slots only, and so does the predicted click rate.
        var models = snapshot.Models;
        Assert.NotNull(models.Ctr);
        var layout = new FeatureLayout(models.Categories, [.. snapshot.PlacementNames]);
        var creative = snapshot.FindCreative(world.CreativeId)!;
        float[] Input(string id)
        {
            var features = new float[layout.Width];
            var shopper = models.FeaturesOf(id);
            layout.Write(features, shopper, shopper.Interests, creative.Facts, layout.CategoryIndex(creative.Category), world.Now, Placement, creative.SmoothedCtr);
            return features;
        }

        var slots = ShopperSlotNames.Select(name => Array.IndexOf(layout.FeatureNames, name)).ToHashSet();
        var unknown = Input(Stranger);
        var engine = new DecisionEngine(explorationRate: 0);
        var unknownDecision = engine.Decide(snapshot, Stranger, Placement, world.Now, new Random(1))!;
        foreach (var (id, personalisation, _) in Matrix)
        {
            var input = Input(id);
            var decision = engine.Decide(snapshot, id, Placement, world.Now, new Random(1))!;
            Assert.All(Enumerable.Range(0, layout.Width).Where(i => !slots.Contains(i)), i => Assert.Equal(unknown[i], input[i]));
            if (personalisation)
            {
                Assert.NotEqual(unknown, input);
                Assert.NotEqual(unknownDecision.ClickRate, decision.ClickRate);
            }
            else
            {
                Assert.Equal(unknown, input);
                Assert.Equal(unknownDecision.ClickRate, decision.ClickRate);
            }
        }
    }

    [Fact]
    public async Task PredictedAudience_PersonalisationOff_HasNoEntry()
    {
        // Arrange
        var world = await ConsentWorld.CreateAsync(_db);
        await world.ActivateClickModelAsync();
        var step = new AudienceScoringStep(
            _db.Factory, world.Files, Options.Create(new ServingOptions()), TestShop.Options(), Options.Create(new ModelingOptions()), world.Clock);

        // Act
        await step.RunAsync(new Progress<double>(), CancellationToken.None);

        // Assert
        await using var db = _db.Open();
        Assert.Equal(Personalised.Order(), await db.CampaignAudienceMembers.Where(m => m.CampaignId == world.CampaignId).Select(m => m.ShopperId).OrderBy(id => id).ToListAsync());
        Assert.Equal(Personalised.Count(), (await db.CampaignAudiences.SingleAsync(a => a.CampaignId == world.CampaignId)).Shoppers);
    }

    [Fact]
    public async Task PersonalisedCopy_PersonalisationOff_FallsBackToTheDefaultCopy()
    {
        // Arrange
        var world = await ConsentWorld.CreateAsync(_db);

        // Act
        var snapshot = await world.Snapshots().BuildAsync(world.Now, CancellationToken.None);

        // Assert
        var creative = snapshot.FindCreative(world.CreativeId)!;
        foreach (var (id, personalisation, _) in Matrix)
        {
            var copy = AdCopy.For(creative, snapshot.TraitsOf(id));
            Assert.Equal(personalisation ? "New in north" : "New in your area", copy.Headline);
            Assert.Equal(personalisation ? "Picked for fans of books" : "Picked for fans of our bestsellers", copy.Body);
        }
    }

    [Fact]
    public async Task ExperimentAnalysis_MeasurementOff_LeavesTheShopperOut()
    {
        // Arrange: every shopper was exposed and converted in the control arm before any withdrawal was processed.
        var world = await ConsentWorld.CreateAsync(_db);
        int experimentId;
        await using (var db = _db.Open())
        {
            var experiment = new Experiment
            {
                CampaignId = world.CampaignId,
                Name = "Copy test",
                Status = ExperimentStatus.Running,
                CreatedAt = world.Now.AddDays(-3),
                StartedAt = world.Now.AddDays(-3),
                Variants =
                [
                    new Variant { Name = "A", CreativeId = world.CreativeId, Weight = 1, IsControl = true },
                    new Variant { Name = "B", CreativeId = world.OtherCreativeId, Weight = 1 },
                ],
            };
            db.Experiments.Add(experiment);
            await db.SaveChangesAsync();
            experimentId = experiment.Id;
            var control = experiment.Variants.Single(v => v.IsControl).Id;
            db.AdEvents.AddRange(Matrix.SelectMany((s, i) => new[] { AdEventType.Impression, AdEventType.Click, AdEventType.Conversion }.Select(type => new AdEvent
            {
                Type = type,
                DecisionId = $"d{i}",
                ShopperId = s.Id,
                CampaignId = world.CampaignId,
                CreativeId = world.CreativeId,
                ExperimentId = experiment.Id,
                VariantId = control,
                Placement = Placement,
                OccurredAt = world.Now.AddDays(-1),
            })));
            await db.SaveChangesAsync();
        }

        // Act
        var results = await new ExperimentResultsService(_db.Factory, Options.Create(new ExperimentsOptions())).GetAsync(experimentId, CancellationToken.None);
        var traffic = await new ExperimentPlanner(_db.Factory, world.Clock).RecentTrafficAsync(world.CampaignId, CancellationToken.None);

        // Assert: only shoppers who allow measurement are units, in the analysis and in the planner's traffic.
        Assert.Equal(Measured.Count(), results!.TotalUnits);
        Assert.Equal(Measured.Count(), results.Arms.Single(a => a.IsControl).Units);
        Assert.Equal(Measured.Count() / ExperimentPlanner.Window.TotalDays, traffic.ShoppersPerDay, 12);
    }
}
