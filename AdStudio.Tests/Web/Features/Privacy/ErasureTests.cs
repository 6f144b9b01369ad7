using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using AdStudio.Core.Segments;
using AdStudio.Core.Serving;
using AdStudio.Core.Shoppers;
using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace AdStudio.Tests.Web.Features.Privacy;

[Collection(RunningApp.Name)]
public sealed class ErasureTests(AppHost app)
{
    private async Task<JsonElement> EraseAsync(string shopperId)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/privacy/erasure", new { shopperId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Every entity of the EF model that holds a shopper key: a property named ShopperId, the shopper itself, or a
    /// foreign key to it. Found from the model, not from <see cref="ShopperTables"/>, so a table added later counts.
    /// </summary>
    private static List<(IEntityType Entity, IProperty Key)> ShopperKeyedEntities(AdStudioDb db) =>
    [
        .. db.Model.GetEntityTypes().Where(e => !e.IsOwned()).SelectMany(entity =>
        {
            var keys = new List<IProperty>();
            if (entity.ClrType == typeof(Shopper))
            {
                keys.Add(entity.FindPrimaryKey()!.Properties.Single());
            }

            if (entity.FindProperty("ShopperId") is { } shopperId)
            {
                keys.Add(shopperId);
            }

            keys.AddRange(entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(Shopper)).Select(fk => fk.Properties.Single()));
            return keys.Distinct().Select(key => (entity, key));
        }),
    ];

    private static async Task<long> RowsAsync(AdStudioDb db, IEntityType entity, IProperty key, string shopperId)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        // Names come from the model; the id is a parameter.
        command.CommandText = $"SELECT COUNT(*) FROM \"{entity.GetTableName()}\" WHERE \"{key.GetColumnName(table)}\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = shopperId;
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Erase_ShopperInEveryTableAndStore_NoShopperKeyedEntityOrStoreHoldsThemAfterwards()
    {
        // Arrange
        var shopperId = ShopperFixture.NewId("erase-everywhere");
        var campaignId = await ShopperFixture.AddRowsAsync(app, shopperId);
        await ShopperFixture.AddToMemoryAsync(app, shopperId, campaignId);
        var holder = app.Services.GetRequiredService<SnapshotHolder>();
        var index = app.Services.GetRequiredService<AudienceIndex>();
        var counter = app.Services.GetRequiredService<FrequencyCounter>();
        await using (var db = app.OpenDb())
        {
            foreach (var (entity, key) in ShopperKeyedEntities(db))
            {
                Assert.True(ShopperTables.All.Any(t => t.EntityType == entity.ClrType), $"{entity.DisplayName()} holds a shopper key but is not in ShopperTables.All.");
                Assert.True(await RowsAsync(db, entity, key, shopperId) > 0, $"The test put no {entity.DisplayName()} row for the shopper: add one to ShopperFixture.");
            }
        }

        Assert.NotEmpty(holder.Current.SegmentsOf(shopperId));
        Assert.Equal(ShopperFixture.Region, holder.Current.TraitsOf(shopperId).Region);
        Assert.Equal(1, counter.SeenOn(holder.Current, shopperId, campaignId, holder.Current.Day));
        Assert.Contains((await index.GetAsync(CancellationToken.None)).Rows, r => r.ShopperId == shopperId);

        // Act
        var answer = await EraseAsync(shopperId);

        // Assert
        await using (var db = app.OpenDb())
        {
            foreach (var (entity, key) in ShopperKeyedEntities(db))
            {
                Assert.True(await RowsAsync(db, entity, key, shopperId) == 0, $"{entity.DisplayName()} still holds the shopper.");
            }

            Assert.True(await db.SuppressedShoppers.AnyAsync(s => s.KeyHash == app.Services.GetRequiredService<ShopperPseudonyms>().SuppressionKey(shopperId)));
        }

        Assert.Empty(holder.Current.SegmentsOf(shopperId));
        Assert.Same(ShopperTraits.Unknown, holder.Current.TraitsOf(shopperId));
        Assert.Equal(0, counter.SeenOn(holder.Current, shopperId, campaignId, holder.Current.Day));
        Assert.DoesNotContain((await index.GetAsync(CancellationToken.None)).Rows, r => r.ShopperId == shopperId);
        var removed = answer.GetProperty("removed");
        foreach (var table in ShopperTables.All)
        {
            Assert.True(removed.GetProperty(table.Name).GetInt32() >= 1, $"{table.Name} removed nothing.");
        }

        Assert.True(removed.GetProperty(ShopperStores.ServingSnapshot).GetInt32() >= 2);
        Assert.Equal(1, removed.GetProperty(ShopperStores.AudienceIndex).GetInt32());
        Assert.Equal(1, removed.GetProperty(ShopperStores.FrequencyCounters).GetInt32());
    }

    [Fact]
    public async Task Erase_Twice_SecondAnswersZerosAndBothAreLogged()
    {
        // Arrange
        var shopperId = ShopperFixture.NewId("erase-twice");
        await ShopperFixture.AddRowsAsync(app, shopperId);
        var first = await EraseAsync(shopperId);

        // Act
        var second = await EraseAsync(shopperId);

        // Assert
        Assert.True(first.GetProperty("removed").GetProperty("Shoppers").GetInt32() == 1);
        Assert.All(second.GetProperty("removed").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        await using var db = app.OpenDb();
        var masked = app.Services.GetRequiredService<ShopperPseudonyms>().Mask(shopperId);
        Assert.Equal(2, await db.PrivacyRequests.CountAsync(r => r.MaskedShopperId == masked && r.Type == PrivacyRequestTypes.Erasure));
        Assert.Equal(1, await db.SuppressedShoppers.CountAsync(s => s.KeyHash == app.Services.GetRequiredService<ShopperPseudonyms>().SuppressionKey(shopperId)));
    }

    [Fact]
    public async Task Erase_IdNeverSeen_Answers200WithZerosAndIsLogged()
    {
        // Arrange
        var shopperId = ShopperFixture.NewId("never-seen");

        // Act
        var answer = await EraseAsync(shopperId);

        // Assert
        var removed = answer.GetProperty("removed");
        Assert.All(ShopperTables.All, t => Assert.Equal(0, removed.GetProperty(t.Name).GetInt32()));
        Assert.All(removed.EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        await using var db = app.OpenDb();
        var request = await db.PrivacyRequests.SingleAsync(r => r.Id == answer.GetProperty("requestId").GetInt32());
        Assert.Equal(PrivacyRequestTypes.Erasure, request.Type);
        Assert.Equal(app.Services.GetRequiredService<ShopperPseudonyms>().Mask(shopperId), request.MaskedShopperId);
    }

    // SqliteOnly: reads SQLite's database and WAL files byte by byte; PostgreSQL has no secure delete (see the vacuum test).
    [Fact]
    [Trait("Storage", "SqliteOnly")]
    public async Task Erase_OnSqlite_TheIdIsNoLongerInTheDatabaseFiles()
    {
        // Arrange
        var shopperId = ShopperFixture.NewId("erase-bytes");
        await ShopperFixture.AddRowsAsync(app, shopperId);
        var file = Path.Combine(app.DataDirectory, DataOptions.DatabaseFileName);
        Assert.True(ContainsId(file, shopperId) || ContainsId(file + "-wal", shopperId), "The id should be in the files before the erasure.");

        // Act
        await EraseAsync(shopperId);

        // Assert
        Assert.False(ContainsId(file, shopperId), "The database file still holds the id.");
        Assert.False(ContainsId(file + "-wal", shopperId), "The WAL still holds the id.");
    }

    private static bool ContainsId(string path, string shopperId)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        // Read while the app has the file open.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(shopperId)) >= 0;
    }

    // PostgresOnly: PostgreSQL's own vacuum statistics.
    [Fact]
    [Trait("Storage", "PostgresOnly")]
    public async Task Erase_OnPostgres_VacuumsTheShopperTables()
    {
        // Arrange
        var shopperId = ShopperFixture.NewId("erase-vacuum");
        await ShopperFixture.AddRowsAsync(app, shopperId);
        var before = DateTime.UtcNow.AddSeconds(-1);

        // Act
        await EraseAsync(shopperId);

        // Assert
        var vacuumed = await Poll.UntilAsync(
            async () =>
            {
                await using var db = app.OpenDb();
                return await db.Database.SqlQueryRaw<DateTime?>(
                    "SELECT last_vacuum AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'BehaviourEvents'").SingleAsync();
            },
            at => at > before,
            TimeSpan.FromSeconds(60),
            "a vacuum of BehaviourEvents after the erasure");
        Assert.True(vacuumed > before);
    }
}
