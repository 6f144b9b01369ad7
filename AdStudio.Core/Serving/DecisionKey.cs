using System.Security.Cryptography;
using System.Text;
using AdStudio.Core.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Core.Serving;

/// <summary>
/// The keys that sign decision ids: the configured secret, or else a random key generated once for the whole cluster and
/// kept in the database (<see cref="SettingKey"/>), so ids stay valid across restarts and every node checks every other
/// node's ids. A key file from before (<c>decision-signing.key</c> in the data folder) is imported on first start.
/// </summary>
public static class DecisionKey
{
    /// <summary>The <see cref="Setting"/> that holds the generated key (base64).</summary>
    public const string SettingKey = "serving.decision-signing-key";

    private const int KeyLength = ClusterSecret.KeyLength;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The current key and the previous keys (<c>Serving:PreviousDecisionSigningKeys</c>). Without a configured secret
    /// the cluster's generated key signs; the first start on an existing shop offers its key file's key, so ids issued
    /// before the move keep working (and if another node generated a key first, the file's key is still accepted).
    /// With a secret, the generated key and the key file are accepted as previous keys, so ids issued before the secret
    /// was set keep working. The key file is left in place (read, never written or removed): see decision record 1.
    /// </summary>
    public static async Task<DecisionKeyRing> LoadAsync(ServingOptions options, IDbContextFactory<AdStudioDb> dbFactory, DataPaths paths, CancellationToken ct)
    {
        var previous = options.PreviousDecisionSigningKeys
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(FromSecret)
            .ToList();
        var file = ReadKeyFile(paths.DecisionKeyFile);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!string.IsNullOrWhiteSpace(options.DecisionSigningKey))
        {
            previous.AddRange(new[] { await ClusterSecret.StoredAsync(db, SettingKey, ct), file }.OfType<byte[]>());
            return new DecisionKeyRing(FromSecret(options.DecisionSigningKey), previous);
        }

        var current = await ClusterSecret.LoadOrCreateAsync(db, SettingKey, file, ct);
        if (file is not null && !file.AsSpan().SequenceEqual(current))
        {
            previous.Add(file);
        }

        return new DecisionKeyRing(current, previous);
    }

    /// <summary>The 32-byte key a configured secret stands for.</summary>
    public static byte[] FromSecret(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static byte[]? ReadKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var stored = File.ReadAllBytes(path);
        if (stored.Length != KeyLength)
        {
            return null;
        }

        // Files written by older versions were readable by everyone: tighten them.
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        return stored;
    }
}
