using System.Text.Json;
using AdStudio.Core.Campaigns;
using AdStudio.Core.Creatives;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Infrastructure.Files;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Features;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Core.Shoppers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace AdStudio.Tests.Support;

/// <summary>
/// Four shoppers, one per combination of the two consent purposes, who all consented while their history was
/// profiled and segmented, then had their consent set as <see cref="Matrix"/> says (set directly on the shopper, as a
/// processed consent change leaves it; rows made under the old consent are left in place). Plus an active campaign with a
/// personalised creative and, on request, an active click model.
/// </summary>
public sealed class ConsentWorld
{
    /// <summary>Id, personalisation, measurement.</summary>
    public static readonly (string Id, bool Personalisation, bool Measurement)[] Matrix =
    [
        ("both", true, true),
        ("personal", true, false),
        ("measured", false, true),
        ("neither", false, false),
    ];

    /// <summary>A shopper AdStudio has never seen: the reference for "decided as for an unknown shopper".</summary>
    public const string Stranger = "stranger";

    public const string Placement = "sidebar";

    public static readonly string[] Categories = ["books", "toys"];

    private readonly TestDatabase _db;

    private ConsentWorld(TestDatabase db, FixedClock clock) => (_db, Clock) = (db, clock);

    public FixedClock Clock { get; }

    public DateTime Now => Clock.Now.UtcDateTime;

    public int CampaignId { get; private set; }

    public int CreativeId { get; private set; }

    public int OtherCreativeId { get; private set; }

    public int NorthSegmentId { get; private set; }

    public ModelFiles Files => new(new LocalFileStore(new DataPaths(_db.Directory)));

    public static IEnumerable<string> Personalised => Matrix.Where(s => s.Personalisation).Select(s => s.Id);

    public static IEnumerable<string> Measured => Matrix.Where(s => s.Measurement).Select(s => s.Id);

    /// <summary>Seeds everyone with both purposes, profiles and segments them, then sets each shopper's consent as the matrix says.</summary>
    public static async Task<ConsentWorld> CreateAsync(TestDatabase db, AudienceIndex? audienceBeforeWithdrawal = null)
    {
        var world = new ConsentWorld(db, new FixedClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));
        await world.SeedAsync();
        if (audienceBeforeWithdrawal is not null)
        {
            await audienceBeforeWithdrawal.GetAsync(CancellationToken.None);
        }

        await world.ApplyMatrixAsync();
        return world;
    }

    public ProfilingStep Profiling(AudienceIndex? index = null) => new(
        _db.Factory, new AudienceLoader(_db.Factory), index ?? new AudienceIndex(new AudienceLoader(_db.Factory), Clock),
        new SegmentMaterializer(_db.Factory), new ClusterMembership(_db.Factory), TestShop.Options(), Clock);

    public SnapshotBuilder Snapshots(ActiveModelLoader? models = null) =>
        new(_db.Factory, Options.Create(new ServingOptions()), TestShop.Options(), models);

    /// <summary>Sets one shopper's two purposes, as a processed consent change would.</summary>
    public async Task SetConsentAsync(string shopperId, bool personalisation, bool measurement)
    {
        await using var db = _db.Open();
        var shopper = await db.Shoppers.SingleAsync(s => s.Id == shopperId);
        (shopper.AllowsPersonalisation, shopper.AllowsMeasurement, shopper.ConsentUpdatedAt) = (personalisation, measurement, Now);
        await db.SaveChangesAsync();
    }

    /// <summary>Fits a small logistic click model in which interest in the ad's category matters, stores it and makes it active.</summary>
    public async Task ActivateClickModelAsync()
    {
        var layout = new FeatureLayout(Categories, [.. TestShop.With().Placements.Keys.Order(StringComparer.Ordinal)]);
        var random = new Random(5);
        var rows = new List<ClickRow>();
        CreativeFacts[] creatives = [new(CreativeId, "books", 0, 20), new(OtherCreativeId, "toys", 0, 20)];
        for (var index = 0; index < 3000; index++)
        {
            var books = random.NextDouble();
            var shopper = new ShopperFeatures([books, 1 - books], random.Next(1, 40), random.Next(0, 4), Now.AddDays(-random.Next(1, 30)), 0.3, -0.2, 0);
            var creative = creatives[index % 2];
            var features = new float[layout.Width];
            layout.Write(features, shopper, shopper.Interests, creative, index % 2, Now.AddHours(random.Next(24)), Placement, 0.02);
            var affinity = creative.Category == "books" ? books : 1 - books;
            var clicked = random.NextDouble() < 0.01 + (0.3 * affinity * affinity);
            rows.Add(new ClickRow(Now, $"t{index}", creative.Id, 0, features, clicked));
        }

        var trained = new ClickModelTrainer().Fit(TrainerKind.LogisticRegression, ModelKind.Ctr, rows[..2400], rows[2400..]);
        await Files.SaveAsync(new MLContext(1), trained.Model, trained.Schema, "ctr-consent.zip", CancellationToken.None);
        await using var db = _db.Open();
        db.ModelVersions.Add(new ModelVersion
        {
            Kind = ModelKind.Ctr,
            Trainer = TrainerKind.LogisticRegression,
            Status = ModelStatus.Active,
            FileName = "ctr-consent.zip",
            Rows = rows.Count,
            TrainedAt = Now,
            ActivatedAt = Now,
            FeatureLayoutJson = JsonSerializer.Serialize(layout),
        });
        await db.SaveChangesAsync();
    }

    private async Task SeedAsync()
    {
        await using (var db = _db.Open())
        {
            db.Shoppers.AddRange(Matrix.Select(s => new Shopper { Id = s.Id, AllowsPersonalisation = true, AllowsMeasurement = true, Region = "north", AgeBand = "25-34" }));
            var (campaign, creatives) = await ShopData.AddCampaignAsync(db, creatives: 2);
            campaign.Status = CampaignStatus.Active;
            campaign.StartsAt = Now.AddDays(-30);
            campaign.Placements = Placement;
            creatives.ForEach(c => c.Status = CreativeStatus.Approved);
            creatives[0].Headline = "New in {{region|your area}}";
            creatives[0].Body = "Picked for fans of {{top_category|our bestsellers}}";
            creatives[1].Category = "toys";
            (CampaignId, CreativeId, OtherCreativeId) = (campaign.Id, creatives[0].Id, creatives[1].Id);
            var north = new Segment { Name = "North", RuleJson = """{"all":[{"field":"region","op":"in","values":["north"]}]}""" };
            db.Segments.Add(north);
            await db.SaveChangesAsync();
            NorthSegmentId = north.Id;
        }

        // Everyone reads books: a profile and model features that differ from an unknown visitor's.
        var events = Matrix.SelectMany(s => Enumerable.Range(1, 6).Select(day => new BehaviourEvent
        {
            ShopperId = s.Id,
            Type = day == 1 ? BehaviourEventType.Purchase : BehaviourEventType.View,
            Category = "books",
            ProductId = "p",
            Amount = day == 1 ? 20 : null,
            OccurredAt = Now.AddDays(-day).AddHours(-2),
        })).ToList();
        await new EventStore(_db.Factory).WriteAsync(new EventBatch(events, []), CancellationToken.None);
        await Profiling().RunAsync(forceFull: true, new Progress<double>(), CancellationToken.None);
    }

    private async Task ApplyMatrixAsync()
    {
        foreach (var (id, personalisation, measurement) in Matrix)
        {
            await SetConsentAsync(id, personalisation, measurement);
        }
    }
}
