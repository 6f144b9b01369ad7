using AdStudio.Core.Nodes;

namespace AdStudio.Web.Infrastructure;

/// <summary>
/// Which role answers which path: the one table the endpoint filter reads, so an endpoint a feature adds later falls
/// under its prefix's role without anyone remembering to tag it.
/// </summary>
public static class NodeRolePaths
{
    private static readonly NodeRole[] Every = Enum.GetValues<NodeRole>();

    private static readonly (string Prefix, NodeRole[] Roles)[] Table =
    [
        // Load balancers probe every node.
        ("/health", Every),
        ("/serve", [NodeRole.Serve]),
        ("/events", [NodeRole.Serve]),
        ("/c", [NodeRole.Serve]),
        ("/i", [NodeRole.Serve]),
        ("/bench", [NodeRole.Serve]),

        // A served ad's image URL is built from the /serve request's host, so serving nodes answer it; the UI's previews load it too.
        ("/creatives/files", [NodeRole.Serve, NodeRole.Ui]),
        ("/api", [NodeRole.Api]),
    ];

    /// <summary>The roles whose nodes answer <paramref name="path"/>; anything not in the table (pages, sign-in, assets, <c>/_blazor</c>, <c>/hangfire</c>) is the UI's.</summary>
    public static IReadOnlyList<NodeRole> RolesFor(string path)
    {
        var normalized = new PathString("/" + path.TrimStart('/'));
        foreach (var (prefix, roles) in Table)
        {
            if (normalized.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return roles;
            }
        }

        return [NodeRole.Ui];
    }

    public static bool Answers(this NodeRoles node, string path) => RolesFor(path).Any(node.Has);
}
