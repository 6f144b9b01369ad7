using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Events;

/// <summary>Tuning of the batching event writer (section <c>Events</c>).</summary>
public sealed class EventWriterOptions
{
    public const string SectionName = "Events";

    /// <summary>Batches waiting for the writer before callers are made to wait for room.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Most events written in one transaction.</summary>
    [Range(1, 1_000_000)]
    public int MaxEventsPerCommit { get; set; } = 5000;

    /// <summary>Most events accepted in one <c>POST /events</c> request.</summary>
    [Range(1, 100_000)]
    public int MaxEventsPerRequest { get; set; } = 1000;

    /// <summary>Largest purchase <c>amount</c> an event may report (shop currency).</summary>
    [Range(1.0, 1e12)]
    public double MaxAmount { get; set; } = 1_000_000;

    /// <summary>Largest conversion <c>revenue</c> an event may report (shop currency).</summary>
    [Range(1.0, 1e12)]
    public double MaxRevenue { get; set; } = 1_000_000;

    /// <summary>Longest <c>dwellSeconds</c> a view may report (default one day).</summary>
    [Range(1.0, 1e9)]
    public double MaxDwellSeconds { get; set; } = 86_400;

    /// <summary>
    /// How long a group commit waits for another connection's write lock before it gives up and its callers
    /// are answered <c>503</c>. SQLite's busy retry counts whole seconds.
    /// </summary>
    [Range(1, 60)]
    public int WriteTimeoutSeconds { get; set; } = 2;

    /// <summary>The <c>Retry-After</c> a client is given with a <c>503</c> when storage cannot take events.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
