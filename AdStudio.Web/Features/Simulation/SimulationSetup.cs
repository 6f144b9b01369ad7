using AdStudio.Core.Pipeline;
using AdStudio.Core.Simulation;
using AdStudio.Web.Infrastructure;

namespace AdStudio.Web.Features.Simulation;

public static class SimulationSetup
{
    public static IHostApplicationBuilder AddSimulation(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DemoOptions>(DemoOptions.SectionName);
        // The seed step wipes and rewrites shop data: it exists only where the demo is switched on.
        if (builder.Configuration.GetSection(DemoOptions.SectionName).GetValue<bool?>(nameof(DemoOptions.Enabled)) ?? new DemoOptions().Enabled)
        {
            builder.Services.AddSingleton<IPipelineStep, DemoSeeder>();
        }

        return builder;
    }
}
