namespace AdStudio.Core.Experiments.Offline;

/// <summary>A row of the file that was not counted: its line number (the header is line 1) and why.</summary>
public sealed record RejectedRow(long Row, string Reason);
