namespace AdStudio.Core.Nodes;

/// <summary>The default: a node runs every role.</summary>
public sealed class AllNodeRoles : INodeRoles
{
    public string Describe() => "all";
}
