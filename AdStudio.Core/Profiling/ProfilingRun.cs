using System.Data.Common;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Profiling;

/// <summary>
/// One run of the profiling step inside its transaction: what every shopper of the run is profiled with (the
/// run's time, the shop's time zone, the history window, the consenting shoppers, the category price means) and
/// where the profiles go. Streams events ordered by shopper and profiles each shopper as their events end.
/// </summary>
internal sealed class ProfilingRun(
    DbConnection connection,
    DbTransaction transaction,
    ProfileWriter writer,
    DateTime now,
    TimeZoneInfo timeZone,
    HashSet<string> consenting,
    Dictionary<string, double> categoryMeans)
{
    /// <summary>Shoppers are read in chunks of this many when only some are profiled (one <c>IN</c> list each).</summary>
    private const int ChunkSize = 500;

    /// <summary>Progress is reported every this many profiled shoppers.</summary>
    private const int ReportEvery = 2000;

    private const string EventsHead =
        """
        SELECT "ShopperId", "Type", "Category", "Amount", "DwellSeconds", "OccurredAt" FROM "BehaviourEvents"
        WHERE "OccurredAt" >= @since 
        """;

    private const string EventsTail = """ ORDER BY "ShopperId", "OccurredAt" """;

    private readonly DateTime _since = now - ProfilingStep.History;

    /// <summary>Shoppers skipped because their events could not be profiled, for the run's message.</summary>
    public SkippedShoppers Skipped { get; } = new();

    /// <summary>Profiles every consenting shopper with events in the history window (a full run).</summary>
    public Task<int> ProfileAllAsync(IProgress<double> progress, CancellationToken ct) => ProfileAsync(null, progress, ct);

    /// <summary>Profiles only <paramref name="shoppers"/> (an incremental run), a chunk at a time.</summary>
    public async Task<int> ProfileOnlyAsync(List<string> shoppers, IProgress<double> progress, CancellationToken ct)
    {
        var done = 0;
        foreach (var chunk in shoppers.Chunk(ChunkSize))
        {
            done += await ProfileAsync(chunk, new Progress<double>(), ct);
            progress.Report(0.05 + (0.8 * done / Math.Max(1, shoppers.Count)));
        }

        return done;
    }

    private async Task<int> ProfileAsync(string[]? only, IProgress<double> progress, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, transaction, "");
        var filter = "";
        if (only is not null)
        {
            filter = $"AND \"ShopperId\" IN ({string.Join(", ", only.Select((_, i) => $"@s{i}"))})";
            for (var i = 0; i < only.Length; i++)
            {
                Sql.Parameter(command, $"@s{i}", only[i]);
            }
        }

        command.CommandText = EventsHead + filter + EventsTail;
        Sql.Parameter(command, "@since", _since);
        var total = only is null ? Math.Max(1, consenting.Count) : only.Length;
        var profiled = 0;
        string? current = null;
        var events = new List<BehaviourEvent>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var shopper = reader.GetString(0);
                if (shopper != current)
                {
                    profiled += await FlushAsync(current, events, ct);
                    current = shopper;
                    events.Clear();
                    if (profiled % ReportEvery == 0)
                    {
                        progress.Report(0.05 + (0.8 * Math.Min(1, (double)profiled / total)));
                    }
                }

                events.Add(new BehaviourEvent
                {
                    ShopperId = shopper,
                    Type = (BehaviourEventType)reader.GetInt32(1),
                    Category = reader.IsDBNull(2) ? null : reader.GetString(2),
                    Amount = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    DwellSeconds = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                    OccurredAt = DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc),
                });
            }
        }

        profiled += await FlushAsync(current, events, ct);
        return profiled;
    }

    /// <summary>
    /// Profiles one shopper. A shopper whose events still cannot be computed, or compute to a value that is not finite,
    /// is skipped and counted (keeping any earlier profile) so one shopper's data never fails the run for everyone.
    /// </summary>
    private async Task<int> FlushAsync(string? shopper, List<BehaviourEvent> events, CancellationToken ct)
    {
        if (shopper is null || !consenting.Contains(shopper))
        {
            return 0;
        }

        ProfileValues values;
        try
        {
            values = ProfileCalculator.Compute(events, now, categoryMeans, timeZone);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Skipped.Add($"whose events could not be profiled ({ex.GetType().Name})");
            return 0;
        }

        if (!ProfileCalculator.IsFinite(values))
        {
            Skipped.Add("whose profile would not be finite");
            return 0;
        }

        await writer.WriteAsync(shopper, values, now, ct);
        return 1;
    }
}
