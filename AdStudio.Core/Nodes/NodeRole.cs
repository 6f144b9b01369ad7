namespace AdStudio.Core.Nodes;

/// <summary>One part of AdStudio a node runs (<c>Node:Roles</c>); a node without a role answers that role's paths with 404.</summary>
public enum NodeRole
{
    /// <summary>The Blazor pages, sign-in, static assets and the Hangfire dashboard.</summary>
    Ui,

    /// <summary>The HTTP API under <c>/api</c>, storefront key management and bearer tokens included.</summary>
    Api,

    /// <summary><c>/serve</c>, <c>/events</c>, the tracking URLs <c>/c</c> and <c>/i</c>, and the creative images served ads point to.</summary>
    Serve,

    /// <summary>The Hangfire server (workers), recurring schedules, the start-up recovery and demo seed, and the pipeline sweeper.</summary>
    Jobs,
}
