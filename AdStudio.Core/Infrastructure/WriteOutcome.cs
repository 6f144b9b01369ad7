namespace AdStudio.Core.Infrastructure;

/// <summary>Whether a write failed, the storage fault behind it (<see cref="StorageFaultKind.None"/> if not a storage fault), and when.</summary>
public sealed record WriteOutcome(bool Failed, StorageFaultKind Fault, DateTimeOffset At);
