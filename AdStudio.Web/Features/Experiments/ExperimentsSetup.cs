using AdStudio.Core.Experiments;
using AdStudio.Core.Experiments.Results;

namespace AdStudio.Web.Features.Experiments;

public static class ExperimentsSetup
{
    public static IHostApplicationBuilder AddExperiments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ExperimentResultsService>();
        builder.Services.AddSingleton<ExperimentLifecycle>();
        builder.Services.AddSingleton<ExperimentPlanner>();
        return builder;
    }
}
