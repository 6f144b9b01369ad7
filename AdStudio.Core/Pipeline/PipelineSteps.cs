namespace AdStudio.Core.Pipeline;

/// <summary>Names of the pipeline steps, as used by <c>POST /api/pipeline/{step}</c>.</summary>
public static class PipelineSteps
{
    public const string Seed = "seed";
    public const string Rollup = "rollup";
    public const string Profile = "profile";
    public const string Cluster = "cluster";
    public const string Train = "train";
    public const string Score = "score";
    public const string Retention = "retention";
}
