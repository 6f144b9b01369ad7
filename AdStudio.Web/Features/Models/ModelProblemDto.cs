using AdStudio.Core.Modeling.Scoring;

namespace AdStudio.Web.Features.Models;

/// <summary>An active model version that could not be loaded, and the version serving instead (null: smoothed rates).</summary>
public sealed record ModelProblemDto(string Kind, int ModelId, string Message, DateTime At, int? ServingModelId)
{
    public static ModelProblemDto From(ModelProblem problem) => new(problem.Kind.ToString().ToLowerInvariant(), problem.VersionId, problem.Message, problem.At, problem.ServingVersionId);
}
