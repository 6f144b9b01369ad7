using System.Security.Cryptography;
using System.Text;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Serving;

/// <summary>
/// The keys that sign decision ids: the configured secret, or else a random key created once and
/// kept in the data folder (owner-only, written atomically), so ids stay valid across restarts.
/// </summary>
public static class DecisionKey
{
    private const int KeyLength = 32;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The current key and the previous keys (<c>Serving:PreviousDecisionSigningKeys</c>). When a secret is
    /// configured and a generated key file is still there, the file's key is accepted as a previous key, so
    /// ids issued before the secret was set keep working.
    /// </summary>
    public static DecisionKeyRing Load(ServingOptions options, DataPaths paths)
    {
        var previous = options.PreviousDecisionSigningKeys
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(FromSecret)
            .ToList();
        if (!string.IsNullOrWhiteSpace(options.DecisionSigningKey))
        {
            if (ReadKeyFile(paths.DecisionKeyFile) is { } generated)
            {
                previous.Add(generated);
            }

            return new DecisionKeyRing(FromSecret(options.DecisionSigningKey), previous);
        }

        return new DecisionKeyRing(ReadKeyFile(paths.DecisionKeyFile) ?? CreateKeyFile(paths.DecisionKeyFile), previous);
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

    /// <summary>
    /// Writes a new key to a temporary file that only the owner can read, flushes it to disk, then renames
    /// it into place: a crash never leaves a half-written key, and the key is never readable by others,
    /// not even for a moment. If another process won the race, its key is used.
    /// </summary>
    private static byte[] CreateKeyFile(string path)
    {
        var key = RandomNumberGenerator.GetBytes(KeyLength);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using (var stream = new FileStream(temporary, create))
            {
                stream.Write(key);
                stream.Flush(flushToDisk: true);
            }

            // A file that exists here is corrupt (wrong length): replacing it is the only way forward.
            var corrupt = File.Exists(path);
            try
            {
                File.Move(temporary, path, overwrite: corrupt);
            }
            catch (IOException) when (!corrupt && ReadKeyFile(path) is { } winner)
            {
                return winner;
            }

            return key;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
