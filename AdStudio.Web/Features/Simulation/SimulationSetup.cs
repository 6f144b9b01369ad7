using AdStudio.Core.Pipeline;
using AdStudio.Core.Simulation;

namespace AdStudio.Web.Features.Simulation;

public static class SimulationSetup
{
    public static IHostApplicationBuilder AddSimulation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>()
            .Bind(builder.Configuration.GetSection(DemoOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IPipelineStep, DemoSeeder>();
        return builder;
    }
}
