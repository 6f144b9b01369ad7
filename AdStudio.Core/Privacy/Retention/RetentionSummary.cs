using System.Globalization;

namespace AdStudio.Core.Privacy.Retention;

/// <summary>What one retention run deleted, written as the run's message in the ledger (the Privacy page shows it).</summary>
public sealed record RetentionSummary(long BehaviourEventsDeleted, DateTime BehaviourCutoff, long AdEventsDeleted, DateTime AdEventCutoff)
{
    public string ToMessage() => string.Create(
        CultureInfo.InvariantCulture,
        $"Deleted {BehaviourEventsDeleted} behaviour events before {BehaviourCutoff:yyyy-MM-dd HH:mm} UTC and {AdEventsDeleted} ad events before {AdEventCutoff:yyyy-MM-dd HH:mm} UTC; rollups and consent records kept.");
}
