using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Results;
using AdStudio.Web.Infrastructure;

namespace AdStudio.Web.Features.Experiments;

public static class ExperimentsSetup
{
    public static IHostApplicationBuilder AddExperiments(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ExperimentsOptions>(ExperimentsOptions.SectionName);
        builder.Services.AddSingleton<ExperimentResultsService>();
        builder.Services.AddSingleton<ExperimentLifecycle>();
        builder.Services.AddSingleton<ExperimentPlanner>();
        return builder;
    }
}
