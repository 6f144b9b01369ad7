using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Pipeline;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Web.Features.Models;

public static class ModelsSetup
{
    public static IHostApplicationBuilder AddModels(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ModelingOptions>(ModelingOptions.SectionName)
            .Validate(o => o.Trainers.All(TrainerKind.All.Contains), "Modeling:Trainers may only list logistic_regression, ffm, fast_tree and lightgbm (empty: all).");
        builder.Services.AddSingleton<ModelFiles>();
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<ChampionChallenger>();
        builder.Services.AddSingleton<TrainingDataLoader>();
        builder.Services.AddSingleton<IPipelineStep, ModelTrainingStep>();
        return builder;
    }

    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models", ListAsync).WithTags("Models");
        return app;
    }

    /// <summary>Every model version, newest first; log losses are in nats.</summary>
    private static async Task<Ok<ModelDto[]>> ListAsync(IDbContextFactory<AdStudioDb> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var versions = await db.ModelVersions.AsNoTracking().OrderByDescending(v => v.TrainedAt).ThenBy(v => v.Id).ToListAsync(ct);
        return TypedResults.Ok(versions.Select(ModelDto.From).ToArray());
    }
}
