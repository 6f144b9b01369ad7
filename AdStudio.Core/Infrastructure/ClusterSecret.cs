using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Infrastructure;

/// <summary>
/// A random key generated once for the whole cluster and kept in a <see cref="Setting"/> row. Every node offers a key;
/// the first insert wins and the others read the winner back, so nodes that start at the same moment agree on one key.
/// Portable: SQLite and PostgreSQL both speak ON CONFLICT.
/// </summary>
public static class ClusterSecret
{
    public const int KeyLength = 32;

    private const string OfferSql =
        """
        INSERT INTO "Settings" ("Key", "Value") VALUES ({0}, {1})
        ON CONFLICT ("Key") DO NOTHING
        """;

    /// <summary>The cluster's key under <paramref name="settingKey"/>, offering <paramref name="offered"/> (or a random key) when there is none yet.</summary>
    public static async Task<byte[]> LoadOrCreateAsync(AdStudioDb db, string settingKey, byte[]? offered, CancellationToken ct)
    {
        var offer = offered ?? RandomNumberGenerator.GetBytes(KeyLength);
        await db.Database.ExecuteSqlRawAsync(OfferSql, [settingKey, Convert.ToBase64String(offer)], ct);
        return await StoredAsync(db, settingKey, ct)
            ?? throw new InvalidOperationException($"Setting {settingKey} does not hold a {KeyLength}-byte base64 key; remove it to generate a new one.");
    }

    /// <summary>The key stored under <paramref name="settingKey"/>, or null when there is none (or it is not a key).</summary>
    public static async Task<byte[]?> StoredAsync(AdStudioDb db, string settingKey, CancellationToken ct)
    {
        var value = await db.Settings.AsNoTracking().Where(s => s.Key == settingKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        var buffer = new byte[KeyLength];
        return value is not null && Convert.TryFromBase64String(value, buffer, out var written) && written == KeyLength ? buffer : null;
    }
}
