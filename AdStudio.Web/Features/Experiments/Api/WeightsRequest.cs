namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>Body of <c>PUT /api/experiments/{id}/weights</c>: the new traffic weight of each variant id.</summary>
public sealed class WeightsRequest
{
    public Dictionary<int, double>? Weights { get; set; }
}
