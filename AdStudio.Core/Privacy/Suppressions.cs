using System.Data.Common;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Privacy;

/// <summary>
/// Reads and lifts <see cref="SuppressedShopper"/> rows inside a writer's transaction. Rows are looked up by their keyed
/// hash, never by id; the common case (nobody erased) costs one indexed probe.
/// </summary>
public sealed class Suppressions(ShopperPseudonyms pseudonyms)
{
    private const int Chunk = 500;

    /// <summary>The ids among <paramref name="shopperIds"/> that are suppressed.</summary>
    public async Task<HashSet<string>> FindAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> shopperIds, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (shopperIds.Count == 0 || !await AnyAsync(connection, transaction, ct))
        {
            return found;
        }

        var byKey = shopperIds.Distinct(StringComparer.Ordinal).ToDictionary(pseudonyms.SuppressionKey, StringComparer.Ordinal);
        foreach (var chunk in byKey.Keys.Chunk(Chunk))
        {
            var names = chunk.Select((_, i) => $"@k{i}").ToArray();
            await using var command = Sql.Command(connection, transaction,
                $"""SELECT "KeyHash" FROM "SuppressedShoppers" WHERE "KeyHash" IN ({string.Join(", ", names)})""");
            for (var i = 0; i < chunk.Length; i++)
            {
                Sql.Parameter(command, names[i], chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add(byKey[reader.GetString(0)]);
            }
        }

        return found;
    }

    /// <summary>Deletes the suppression of <paramref name="shopperId"/>: they gave consent again.</summary>
    public async Task LiftAsync(DbConnection connection, DbTransaction transaction, string shopperId, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, transaction, """DELETE FROM "SuppressedShoppers" WHERE "KeyHash" = @key""");
        Sql.Parameter(command, "@key", pseudonyms.SuppressionKey(shopperId));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<bool> AnyAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, transaction, """SELECT 1 FROM "SuppressedShoppers" LIMIT 1""");
        return await command.ExecuteScalarAsync(ct) is not (null or DBNull);
    }
}
