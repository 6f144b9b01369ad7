using AdStudio.Core.Pipeline;
using AdStudio.Core.Simulation;
using AdStudio.Web.Infrastructure;

namespace AdStudio.Web.Features.Simulation;

public static class SimulationSetup
{
    public static IHostApplicationBuilder AddSimulation(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DemoOptions>(DemoOptions.SectionName);
        builder.Services.AddSingleton<IPipelineStep, DemoSeeder>();
        return builder;
    }
}
