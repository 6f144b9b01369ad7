using AdStudio.Core.Events;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Core.Shoppers;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Tests.Core.Modeling;

/// <summary>
/// Training describes a shopper by replaying their history; serving reads their stored profile. For the same history
/// both must write the same feature vector, or the model is served features it was never trained on.
/// </summary>
public sealed class TrainingServingParityTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ProfileFeaturesAtServing_EqualReplayedFeaturesAtTraining()
    {
        var now = _clock.Now.UtcDateTime;
        var random = new Random(4);
        string[] categories = ["books", "garden", "toys"];
        var events = Enumerable.Range(0, 60).Select(i => new BehaviourEvent
        {
            ShopperId = "s",
            Type = i % 7 == 0 ? BehaviourEventType.AddToCart : BehaviourEventType.View,
            Category = categories[random.Next(3)],
            ProductId = "p",
            OccurredAt = now.AddDays(-random.Next(1, 40)).AddHours(random.Next(24)).AddMinutes(random.Next(60)),
        }).ToList();
        // One purchase per category: the running category mean (training) and the all-time mean (profile) then agree.
        events.Add(new BehaviourEvent { ShopperId = "s", Type = BehaviourEventType.Purchase, Category = "toys", ProductId = "p", Amount = 30, OccurredAt = now.AddDays(-3) });
        await using (var db = _db.Open())
        {
            db.Shoppers.Add(new Shopper { Id = "s", AllowsPersonalisation = true, AllowsMeasurement = true });
            await db.SaveChangesAsync();
        }

        await new EventStore(_db.Factory).WriteAsync(new EventBatch(events, []), CancellationToken.None);
        await new ProfilingStep(_db.Factory, new AudienceLoader(_db.Factory), new AudienceIndex(new AudienceLoader(_db.Factory), _clock),
            new SegmentMaterializer(_db.Factory), new ClusterMembership(_db.Factory), TestShop.Options(), _clock)
            .RunAsync(new Progress<double>(), CancellationToken.None);
        ShopperProfile profile;
        await using (var db = _db.Open())
        {
            profile = await db.Profiles.SingleAsync();
        }

        var builder = new ClickFeatureBuilder(categories, ["mobile", "sidebar"]);
        var creative = new CreativeFacts(1, "toys", 0.2, 40);
        var timeline = events.OrderBy(e => e.OccurredAt).Select(e => new TimelineEvent(e.ShopperId, e.OccurredAt, e.Type, e.Category, e.Amount)).ToList();
        var impressionAt = now.AddMinutes(30);
        var trained = builder.Build(timeline, [new TimelineImpression("s", impressionAt, 1, "sidebar", null)], new Dictionary<int, CreativeFacts> { [1] = creative }).Single();

        var fromProfile = ShopperFeatures.FromProfile(profile, categories);
        var served = new float[builder.Layout.Width];
        builder.Layout.Write(served, fromProfile, fromProfile.Interests, creative, builder.Layout.CategoryIndex("toys"), impressionAt, "sidebar", 0.01);

        var names = builder.FeatureNames;
        for (var i = 0; i < served.Length; i++)
        {
            // Profiles store interest shares to 5 decimals.
            Assert.True(Math.Abs(trained.Features[i] - served[i]) < 1e-4, $"{names[i]}: training {trained.Features[i]} vs serving {served[i]}");
        }

        Assert.Equal(61, profile.EventCount);
        Assert.NotEqual(0f, trained.Features[names.ToList().IndexOf("hour_affinity")]);
    }
}
