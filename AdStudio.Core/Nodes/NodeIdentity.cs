using System.Security.Cryptography;

namespace AdStudio.Core.Nodes;

/// <summary>This process as a <see cref="ClusterNode"/>: an id unique per process start, so a restarted node is a new node.</summary>
public sealed record NodeIdentity(string Id)
{
    private const int MaxHostLength = 40;

    /// <summary>The host name (shortened to fit the column) plus a random suffix.</summary>
    public static NodeIdentity ForThisProcess()
    {
        var host = Environment.MachineName;
        host = host.Length > MaxHostLength ? host[..MaxHostLength] : host;
        return new NodeIdentity($"{host}-{RandomNumberGenerator.GetHexString(12, lowercase: true)}");
    }
}
