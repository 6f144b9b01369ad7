using System.Globalization;
using AdStudio.Core.Experiments.Stats;
using CsvHelper;

namespace AdStudio.Core.Experiments.Offline;

/// <summary>
/// Streams a per-unit CSV (<c>unit_id,variant,converted,revenue</c>) row by row and keeps only per-variant sums, never the rows.
/// </summary>
/// <remarks>
/// <para><c>converted</c> is 0/1, true/false or yes/no in any case; <c>revenue</c> may be empty (0) or the column absent.</para>
/// <para>Repeated unit ids: the first row of a unit counts and every later row with the same id is ignored (even in
/// another variant), counted and reported with the first examples. Remembering ids needs a <see cref="HashSet{T}"/> of
/// the ids seen: for a 1,000,000-row file of short ids that is well under 100 MB, the one thing that grows with the file.</para>
/// <para>Malformed rows (missing id or variant, an unknown boolean, a revenue that is not a finite number) are not
/// counted; they are reported with their line number (the header is line 1).</para>
/// </remarks>
public static class UnitFileReader
{
    /// <summary>Most variants one file may hold (as many as a live experiment may have arms).</summary>
    public const int MaxVariants = 20;

    /// <summary>Longest unit id or variant name accepted.</summary>
    public const int MaxIdLength = 128;

    /// <summary>How many examples of rejected rows and repeated ids are kept.</summary>
    public const int MaxExamples = 10;

    private static readonly string[] Required = ["unit_id", "variant", "converted"];

    public static async Task<UnitFileSummary> ReadAsync(Stream csv, CancellationToken ct)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default, leaveOpen: true);
        var order = new List<string>();
        var tallies = new Dictionary<string, (SampleStats Conversions, SampleStats Revenue)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicateExamples = new List<string>();
        var rejectedExamples = new List<RejectedRow>();
        long duplicates = 0, rejected = 0;
        (int Id, int Variant, int Converted, int Revenue)? columns = null;
        try
        {
            while (await reader.ReadAsync(ct))
            {
                columns ??= Columns(reader.Headers ?? []);
                var line = reader.RowNumber + 1;
                var (id, variant, converted, revenue, problem) = Parse(reader, columns.Value);
                if (problem is not null)
                {
                    rejected++;
                    Keep(rejectedExamples, new RejectedRow(line, problem));
                    continue;
                }

                if (!seen.Add(id!))
                {
                    duplicates++;
                    Keep(duplicateExamples, id!);
                    continue;
                }

                if (!tallies.TryGetValue(variant!, out var tally))
                {
                    if (tallies.Count == MaxVariants)
                    {
                        throw new UnitFileException($"The file has more than {MaxVariants} variants (line {line} starts \"{Shorten(variant!)}\").");
                    }

                    order.Add(variant!);
                }

                tallies[variant!] = (tally.Conversions.Add(converted ? 1 : 0), tally.Revenue.Add(revenue));
            }
        }
        catch (CsvFormatException ex)
        {
            throw new UnitFileException($"The file is not valid CSV: {ex.Message}", ex);
        }

        if (columns is null)
        {
            if (reader.Headers is { } headers && headers.Any(h => h.Trim().Length > 0))
            {
                Columns(headers);
                throw new UnitFileException("The file has a header but no data rows.");
            }

            throw new UnitFileException("The file is empty: send a CSV with the header unit_id,variant,converted,revenue and one row per unit.");
        }

        return new UnitFileSummary(
            [.. order.Select(v => new VariantTally(v, tallies[v].Conversions, tallies[v].Revenue))],
            columns.Value.Revenue >= 0, duplicates, duplicateExamples, rejected, rejectedExamples);
    }

    private static (int Id, int Variant, int Converted, int Revenue) Columns(IReadOnlyList<string> headers)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            map.TryAdd(headers[i].Trim(), i);
        }

        var missing = Required.Where(c => !map.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new UnitFileException($"The header is missing column(s): {string.Join(", ", missing)}. Expected unit_id,variant,converted and optionally revenue.");
        }

        return (map["unit_id"], map["variant"], map["converted"], map.GetValueOrDefault("revenue", -1));
    }

    private static (string? Id, string? Variant, bool Converted, double Revenue, string? Problem) Parse(CsvReader reader, (int Id, int Variant, int Converted, int Revenue) c)
    {
        var id = Field(reader, c.Id);
        var variant = Field(reader, c.Variant);
        var converted = Field(reader, c.Converted);
        if (id is null || id.Length > MaxIdLength)
        {
            return (null, null, false, 0, id is null ? "unit_id is empty." : $"unit_id is longer than {MaxIdLength} characters.");
        }

        if (variant is null || variant.Length > MaxIdLength)
        {
            return (null, null, false, 0, variant is null ? "variant is empty." : $"variant is longer than {MaxIdLength} characters.");
        }

        if (Bool(converted) is not { } isConverted)
        {
            return (null, null, false, 0, $"converted must be 0/1, true/false or yes/no; it is \"{Shorten(converted ?? "")}\".");
        }

        var revenueText = c.Revenue >= 0 ? Field(reader, c.Revenue) : null;
        var revenue = 0.0;
        if (revenueText is not null && !(double.TryParse(revenueText, NumberStyles.Float, CultureInfo.InvariantCulture, out revenue) && double.IsFinite(revenue)))
        {
            return (null, null, false, 0, $"revenue must be a number (or empty); it is \"{Shorten(revenueText)}\".");
        }

        return (id, variant, isConverted, revenue, null);
    }

    private static bool? Bool(string? text) => text?.ToLowerInvariant() switch
    {
        "1" or "true" or "yes" => true,
        "0" or "false" or "no" => false,
        _ => null,
    };

    private static string? Field(CsvReader reader, int index) =>
        index < reader.FieldCount && reader.GetStringOrNull(index) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    private static void Keep<T>(List<T> examples, T item)
    {
        if (examples.Count < MaxExamples)
        {
            examples.Add(item);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
