using AdStudio.Core.Infrastructure;
using AdStudio.Core.Nodes;
using Microsoft.Extensions.Options;

namespace AdStudio.Web.Infrastructure;

public static class NodeSetup
{
    /// <summary>
    /// Reads <c>Node:Roles</c> (a comma-separated string or an array; all four roles when absent), fails start-up on an
    /// unknown role, an empty list or a split SQLite can't honour, and registers the result as the <see cref="NodeRoles"/> singleton.
    /// Call it first: the other features ask <see cref="RolesOf"/> what to register.
    /// </summary>
    public static NodeRoles AddNodeRoles(this IHostApplicationBuilder builder)
    {
        var roles = Read(builder.Configuration);
        var provider = builder.Configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"];
        var postgres = string.Equals(provider, nameof(StorageProvider.Postgres), StringComparison.OrdinalIgnoreCase);

        // With SQLite, Hangfire keeps its queue in process memory: a run launched from a node without workers would never start.
        if (!postgres && !roles.Has(NodeRole.Jobs) && (roles.Has(NodeRole.Ui) || roles.Has(NodeRole.Api)))
        {
            throw Invalid($"{NodeRoles.SettingName} is '{roles}': with Storage:Provider Sqlite the job queue lives in this process, "
                + "so a node with 'ui' or 'api' must also have 'jobs' (runs it launched would never start). Use Storage:Provider Postgres to split them.");
        }

        builder.Properties[typeof(NodeRoles)] = roles;
        builder.Services.AddSingleton(roles);
        return roles;
    }

    /// <summary>The roles <see cref="AddNodeRoles"/> read, for features deciding what to register.</summary>
    public static NodeRoles RolesOf(IHostApplicationBuilder builder) =>
        builder.Properties.TryGetValue(typeof(NodeRoles), out var roles)
            ? (NodeRoles)roles
            : throw new InvalidOperationException($"Call {nameof(AddNodeRoles)} before the features that depend on the node's roles.");

    private static NodeRoles Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(NodeRoles.SettingName);
        try
        {
            // An array (Node:Roles:0, Node:Roles:1, ...) or a plain comma-separated string.
            var items = section.GetChildren().Select(c => c.Value).ToList();
            if (items.Count > 0)
            {
                return NodeRoles.Parse(items);
            }

            if (section.Value is { } text)
            {
                return NodeRoles.Parse([text]);
            }

            // An empty JSON array leaves the key with no value and no children: declared, yet naming no role.
            var declared = configuration.AsEnumerable().Any(kv => string.Equals(kv.Key, NodeRoles.SettingName, StringComparison.OrdinalIgnoreCase));
            return declared ? NodeRoles.Parse([]) : NodeRoles.All;
        }
        catch (FormatException ex)
        {
            throw Invalid(ex.Message);
        }
    }

    private static OptionsValidationException Invalid(string message) => new(NodeRoles.SettingName, typeof(NodeRoles), [message]);
}
