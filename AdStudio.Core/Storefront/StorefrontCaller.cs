namespace AdStudio.Core.Storefront;

/// <summary>
/// The storefront behind a request whose <c>X-AdStudio-Key</c> matched: its key's id (negative for keys from
/// configuration) and name, which the audit trail records as the actor, and the counters its use goes to.
/// </summary>
public sealed class StorefrontCaller(int id, string name, StorefrontKeyUsage usage)
{
    public int Id { get; } = id;

    public string Name { get; } = name;

    public StorefrontKeyUsage Usage { get; } = usage;

    /// <summary>True for a key from the <c>Auth:StorefrontKeys</c> setting, which has no database row.</summary>
    public bool FromConfiguration => Id < 0;
}
