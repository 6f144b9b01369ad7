using AdStudio.Core.Pipeline;
using AdStudio.Core.Profiling;
using AdStudio.Core.Segments;
using AdStudio.Core.Segments.Clustering;
using AdStudio.Web.Infrastructure;

namespace AdStudio.Web.Features.Segments;

public static class SegmentsSetup
{
    public static IHostApplicationBuilder AddSegments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AudienceLoader>();
        builder.Services.AddSingleton<AudienceIndex>();
        builder.Services.AddSingleton<SegmentMaterializer>();
        builder.Services.AddSingleton<IClusterMembership, ClusterMembership>();
        builder.Services.AddSingleton<SegmentService>();
        builder.Services.AddSingleton<ProfilingStep>();
        builder.Services.AddSingleton<IPipelineStep>(sp => sp.GetRequiredService<ProfilingStep>());
        builder.Services.AddSingleton<IPipelineStep, ClusteringStep>();
        return builder;
    }
}
