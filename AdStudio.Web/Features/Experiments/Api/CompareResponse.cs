namespace AdStudio.Web.Features.Experiments.Api;

/// <summary>Answer of <c>POST /api/stats/compare</c>; an open end of a one-sided interval is null.</summary>
public sealed record CompareResponse(
    double Effect,
    double? CiLow,
    double? CiHigh,
    double StandardError,
    double PValue,
    double ChanceToWin,
    double RiskOfTreatment,
    double RiskOfControl,
    IReadOnlyList<string> Warnings);
