using AdStudio.Core.Segments;

namespace AdStudio.Bench;

/// <summary>One profiling measurement: each run against reading the same rows, and the audience it left in memory.</summary>
internal sealed record ProfilingFigures(TimeSpan ReadAll, TimeSpan Full, TimeSpan ReadNew, TimeSpan Incremental, int Affected, Audience Audience);
