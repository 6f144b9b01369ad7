using AdStudio.Core.Pipeline;

namespace AdStudio.Web.Features.Pipeline;

/// <summary>Button labels for the pipeline steps.</summary>
public static class StepLabels
{
    public static string Describe(string step) => step switch
    {
        PipelineSteps.Seed => "Seed demo data",
        PipelineSteps.Rollup => "Rebuild rollups",
        PipelineSteps.Profile => "Profile shoppers",
        PipelineSteps.Cluster => "Cluster shoppers",
        PipelineSteps.Train => "Train models",
        PipelineSteps.Score => "Score audiences",
        PipelineSteps.Retention => "Delete expired events",
        _ => step,
    };
}
