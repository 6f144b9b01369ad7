using AdStudio.Core.Audiences;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Modeling;
using AdStudio.Core.Modeling.Registry;
using AdStudio.Core.Modeling.Scoring;
using AdStudio.Core.Modeling.Training;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Serving;
using AdStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
        // Training smooths its prior-CTR feature as serving does, without Modeling depending on Serving's options.
        builder.Services.AddSingleton(services => new SmoothingPrior(services.GetRequiredService<IOptions<ServingOptions>>().Value.PriorStrength));
        builder.Services.AddSingleton<TrainingDataLoader>();
        builder.Services.AddSingleton<IPipelineStep, ModelTrainingStep>();
        builder.Services.AddSingleton<IPipelineStep, AudienceScoringStep>();
        return builder;
    }
}
