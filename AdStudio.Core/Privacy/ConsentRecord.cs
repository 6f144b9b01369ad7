namespace AdStudio.Core.Privacy;

/// <summary>One consent change of one shopper, kept as history: the latest by <see cref="OccurredAt"/> wins.</summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    public required string ShopperId { get; set; }

    public bool Personalisation { get; set; }

    public bool Measurement { get; set; }

    /// <summary>When the shopper gave or withdrew consent (the shop's timestamp).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>When AdStudio recorded it.</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>Where it came from (<see cref="ConsentSources"/>).</summary>
    public required string Source { get; set; }
}
