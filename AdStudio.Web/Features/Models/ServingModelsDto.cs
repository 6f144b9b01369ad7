namespace AdStudio.Web.Features.Models;

/// <summary>What /serve scores with right now: model version ids (null: smoothed rates), profiled shoppers, load problems.</summary>
public sealed record ServingModelsDto(int? CtrModelId, int? CvrModelId, int ShoppersWithFeatures, ModelProblemDto[] Problems);
