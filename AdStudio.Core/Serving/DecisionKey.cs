using System.Security.Cryptography;
using System.Text;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Serving;

/// <summary>
/// The key that signs decision ids: the configured secret, or else a random key created once and
/// kept in the data folder, so ids stay valid across restarts.
/// </summary>
public static class DecisionKey
{
    public static byte[] Load(ServingOptions options, DataPaths paths)
    {
        if (!string.IsNullOrWhiteSpace(options.DecisionSigningKey))
        {
            return SHA256.HashData(Encoding.UTF8.GetBytes(options.DecisionSigningKey));
        }

        if (File.Exists(paths.DecisionKeyFile))
        {
            var stored = File.ReadAllBytes(paths.DecisionKeyFile);
            if (stored.Length == 32)
            {
                return stored;
            }
        }

        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllBytes(paths.DecisionKeyFile, key);
        return key;
    }
}
