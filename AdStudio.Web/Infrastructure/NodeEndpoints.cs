using AdStudio.Core.Nodes;

namespace AdStudio.Web.Infrastructure;

public static class NodeEndpoints
{
    /// <summary>
    /// Answers 404 for paths of roles this node does not run, before authentication: without it the fallback sign-in
    /// policy would answer an anonymous caller 401 or a redirect, and a balancer would read that as "this node serves it".
    /// </summary>
    public static WebApplication UseNodeRoleGate(this WebApplication app)
    {
        var roles = app.Services.GetRequiredService<NodeRoles>();
        if (!roles.IsAll)
        {
            app.Use((context, next) =>
            {
                if (roles.Answers(context.Request.Path))
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }

        return app;
    }

    /// <summary>
    /// Call after every Map: wraps the mapped endpoints so that only the node's roles' paths are routed (see <see cref="NodeRolePaths"/>).
    /// A node with every role keeps the data sources untouched.
    /// </summary>
    public static WebApplication MapOnlyNodeRoles(this WebApplication app)
    {
        var roles = app.Services.GetRequiredService<NodeRoles>();
        if (roles.IsAll)
        {
            return app;
        }

        var routes = (IEndpointRouteBuilder)app;
        var mapped = routes.DataSources.ToList();
        routes.DataSources.Clear();
        routes.DataSources.Add(new RoleEndpointDataSource(mapped, roles));
        return app;
    }
}
