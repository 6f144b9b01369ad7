using System.Security.Cryptography;
using System.Text;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Privacy;

/// <summary>
/// Keyed hashes of shopper ids (HMAC-SHA256 with a key the cluster generates once and keeps in the database): a stable
/// masked id for the UI, logs and CSV files, and a suppression key for erased shoppers. Without the key neither can be
/// turned back into an id by hashing guesses, which a plain hash of a short shop id would allow.
/// </summary>
public sealed class ShopperPseudonyms(byte[] key)
{
    /// <summary>The <see cref="Setting"/> that holds the generated key (base64).</summary>
    public const string SettingKey = "privacy.shopper-hash-key";

    /// <summary>What every masked id starts with, so a reader sees it is not the shop's id.</summary>
    public const string MaskPrefix = "sh_";

    private const int MaskBytes = 8;

    public static async Task<ShopperPseudonyms> LoadAsync(IDbContextFactory<AdStudioDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new ShopperPseudonyms(await ClusterSecret.LoadOrCreateAsync(db, SettingKey, null, ct));
    }

    /// <summary>The stable masked id shown instead of <paramref name="shopperId"/> (<c>sh_</c> and 16 hex digits).</summary>
    public string Mask(string shopperId) => MaskPrefix + Convert.ToHexStringLower(Hash("mask", shopperId).AsSpan(0, MaskBytes));

    /// <summary>The key a <see cref="SuppressedShopper"/> is stored under (64 hex digits).</summary>
    public string SuppressionKey(string shopperId) => Convert.ToHexStringLower(Hash("suppress", shopperId));

    // A purpose label in front keeps the two hashes of one id unrelated.
    private byte[] Hash(string purpose, string shopperId) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{purpose}\n{shopperId}"));
}
