namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>Body of <c>POST /api/experiments/{id}/stop</c>: <c>ship:{variantId}</c>, <c>keep_control</c> or <c>inconclusive</c>, and why.</summary>
public sealed class StopRequest
{
    public string? Decision { get; set; }

    public string? Rationale { get; set; }
}
