using AdStudio.Core.Nodes;
using Microsoft.Extensions.Primitives;

namespace AdStudio.Web.Infrastructure;

/// <summary>
/// The app's endpoints less those of roles this node does not run: their paths are not routed at all, so they answer 404
/// like any unknown path, and no handler needs a role check.
/// </summary>
public sealed class RoleEndpointDataSource(IEnumerable<EndpointDataSource> sources, NodeRoles roles) : EndpointDataSource, IDisposable
{
    private readonly CompositeEndpointDataSource _inner = new(sources);

    public override IReadOnlyList<Endpoint> Endpoints => [.. _inner.Endpoints.Where(Keep)];

    public override IChangeToken GetChangeToken() => _inner.GetChangeToken();

    public void Dispose() => _inner.Dispose();

    private bool Keep(Endpoint endpoint) =>
        endpoint is not RouteEndpoint route || roles.Answers(route.RoutePattern.RawText ?? "/");
}
