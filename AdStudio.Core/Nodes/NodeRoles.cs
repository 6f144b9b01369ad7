namespace AdStudio.Core.Nodes;

/// <summary>
/// The roles this node runs, parsed once from <c>Node:Roles</c> at start-up (a DI singleton). Features consult
/// <see cref="Has"/> when they register, so a node never runs half a feature.
/// </summary>
public sealed class NodeRoles
{
    /// <summary>The setting's name, for messages.</summary>
    public const string SettingName = "Node:Roles";

    private static readonly NodeRole[] Every = Enum.GetValues<NodeRole>();

    private readonly HashSet<NodeRole> _roles;

    private NodeRoles(IEnumerable<NodeRole> roles) => _roles = [.. roles];

    /// <summary>Every role: the default, one node runs everything.</summary>
    public static NodeRoles All { get; } = new(Every);

    /// <summary>True when this node runs every role (a single-node shop).</summary>
    public bool IsAll => _roles.Count == Every.Length;

    public bool Has(NodeRole role) => _roles.Contains(role);

    /// <summary>
    /// Parses role names (case-insensitive; each value may itself be a comma-separated list). Null or no values means
    /// every role; an unknown name or a list that names no role at all throws <see cref="FormatException"/>.
    /// </summary>
    public static NodeRoles Parse(IEnumerable<string?>? values)
    {
        if (values is null)
        {
            return All;
        }

        var names = values
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        // Letters only: Enum.TryParse would also take "1" for Api.
        var unknown = names.Where(n => !n.All(char.IsAsciiLetter) || !Enum.TryParse<NodeRole>(n, ignoreCase: true, out var r) || !Enum.IsDefined(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"{SettingName} has unknown role(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; use any of {Known}.");
        }

        return names.Count == 0
            ? throw new FormatException($"{SettingName} names no role; use any of {Known} (leave it out for all four).")
            : new NodeRoles(names.Select(n => Enum.Parse<NodeRole>(n, ignoreCase: true)));
    }

    /// <summary>Comma-separated lower-case names in a fixed order, e.g. <c>ui,api</c> (what <see cref="ClusterNode.Roles"/> records).</summary>
    public override string ToString() => string.Join(',', Every.Where(Has).Select(Name));

    private static string Known => string.Join(", ", Every.Select(Name));

    private static string Name(NodeRole role) => role.ToString().ToLowerInvariant();
}
