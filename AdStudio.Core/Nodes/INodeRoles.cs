namespace AdStudio.Core.Nodes;

/// <summary>The roles this node runs, as recorded in <see cref="ClusterNode.Roles"/>; the seam the <c>Node:Roles</c> setting plugs into.</summary>
public interface INodeRoles
{
    /// <summary>Comma-separated role names, or <c>all</c>.</summary>
    string Describe();
}
