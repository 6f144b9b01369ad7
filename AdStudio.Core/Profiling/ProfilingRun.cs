using System.Data.Common;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Core.Profiling;

/// <summary>
/// One run of the profiling step inside its transaction: what every shopper of the run is profiled with (the
/// run's time, the shop's time zone, the history window, the consenting shoppers, the category price means) and
/// where the profiles go. Reads a chunk of shoppers' events to the end before writing their profiles on the same
/// connection: PostgreSQL runs one command at a time per connection (no MARS), and one connection keeps every profile
/// and the watermark in one transaction, as on SQLite.
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
    /// <summary>Shoppers are read in chunks of this many (one <c>IN</c> list each; a chunk's events are held in memory).</summary>
    private const int ChunkSize = 500;

    /// <summary>Progress is reported at most once per this many profiled shoppers.</summary>
    private const int ReportEvery = 2000;

    private const string EventsHead =
        """
        SELECT "ShopperId", "Type", "Category", "Amount", "DwellSeconds", "OccurredAt" FROM "BehaviourEvents"
        WHERE "OccurredAt" >= @since 
        """;

    private const string EventsTail = """ ORDER BY "ShopperId", "OccurredAt" """;

    private const string ActiveShoppersSql = """SELECT DISTINCT "ShopperId" FROM "BehaviourEvents" WHERE "OccurredAt" >= @since""";

    private readonly DateTime _since = now - ProfilingStep.History;

    /// <summary>Shoppers skipped because their events could not be profiled, for the run's message.</summary>
    public SkippedShoppers Skipped { get; } = new();

    /// <summary>Profiles every consenting shopper with events in the history window (a full run).</summary>
    public async Task<int> ProfileAllAsync(IProgress<double> progress, CancellationToken ct)
    {
        var active = new List<string>();
        await using (var command = Sql.Command(connection, transaction, ActiveShoppersSql))
        {
            Sql.Parameter(command, "@since", _since);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var shopper = reader.GetString(0);
                if (consenting.Contains(shopper))
                {
                    active.Add(shopper);
                }
            }
        }

        // Ordinal order, so chunks (and so the order profiles are written in) do not depend on the engine's collation.
        active.Sort(StringComparer.Ordinal);
        return await ProfileOnlyAsync(active, progress, ct);
    }

    /// <summary>Profiles only <paramref name="shoppers"/> (an incremental run), a chunk at a time.</summary>
    public async Task<int> ProfileOnlyAsync(List<string> shoppers, IProgress<double> progress, CancellationToken ct)
    {
        var done = 0;
        var reported = 0;
        foreach (var chunk in shoppers.Chunk(ChunkSize))
        {
            var events = await ReadAsync(chunk, ct);
            foreach (var shopperEvents in events)
            {
                done += await FlushAsync(shopperEvents.Key, shopperEvents.Value, ct);
            }

            if (done - reported >= ReportEvery || done == shoppers.Count)
            {
                reported = done;
                progress.Report(0.05 + (0.8 * done / Math.Max(1, shoppers.Count)));
            }
        }

        return done;
    }

    /// <summary>The chunk's events in the history window, per shopper in time order, read to the end (the reader is closed).</summary>
    private async Task<Dictionary<string, List<BehaviourEvent>>> ReadAsync(string[] shoppers, CancellationToken ct)
    {
        await using var command = Sql.Command(connection, transaction, "");
        for (var i = 0; i < shoppers.Length; i++)
        {
            Sql.Parameter(command, $"@s{i}", shoppers[i]);
        }

        command.CommandText = $"{EventsHead}AND \"ShopperId\" IN ({string.Join(", ", shoppers.Select((_, i) => $"@s{i}"))}){EventsTail}";
        Sql.Parameter(command, "@since", _since);
        var events = new Dictionary<string, List<BehaviourEvent>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var shopper = reader.GetString(0);
            if (!events.TryGetValue(shopper, out var list))
            {
                events[shopper] = list = [];
            }

            list.Add(new BehaviourEvent
            {
                ShopperId = shopper,
                Type = (BehaviourEventType)reader.GetInt32(1),
                Category = reader.IsDBNull(2) ? null : reader.GetString(2),
                Amount = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                DwellSeconds = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                OccurredAt = DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc),
            });
        }

        return events;
    }

    /// <summary>
    /// Profiles one shopper. A shopper whose events still cannot be computed, or compute to a value that is not finite,
    /// is skipped and counted (keeping any earlier profile) so one shopper's data never fails the run for everyone.
    /// </summary>
    private async Task<int> FlushAsync(string shopper, List<BehaviourEvent> events, CancellationToken ct)
    {
        if (!consenting.Contains(shopper))
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
