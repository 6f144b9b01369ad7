using System.Data.Common;
using System.Globalization;
using System.Text;
using AdStudio.Core.Auditing;
using AdStudio.Core.Events;
using AdStudio.Core.Infrastructure;
using AdStudio.Core.Privacy;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdStudio.Core.Shoppers.Import;

/// <summary>
/// Streams a CSV of shoppers or behaviour events into the database: rows are read one at a time with
/// CsvHelper, each is validated, valid rows are written in batches and invalid ones reported with row,
/// column and reason (also as a CSV report in the data folder). What a row means and how it is stored is the
/// business of a <see cref="ShopperImporter"/> or an <see cref="EventImporter"/>.
/// </summary>
public sealed class CsvImporter(
    IDbContextFactory<AdStudioDb> dbFactory, DataPaths paths, TimeProvider clock, IOptions<EventWriterOptions> limits, IngestConsent consent,
    Suppressions suppressions)
{
    public const string Shoppers = "shoppers";
    public const string Events = "events";

    public string ReportFolder => Path.Combine(paths.Directory, "imports");

    /// <param name="actor">Who imports, for the audit trail (counts only; no row content is recorded).</param>
    public Task<ImportResult> ImportAsync(string kind, Stream csv, string actor, CancellationToken ct) => kind switch
    {
        Shoppers => ImportAsync(kind, new ShopperImporter(clock, suppressions), csv, actor, ct),
        Events => ImportAsync(kind, new EventImporter(clock, limits.Value, consent), csv, actor, ct),
        _ => throw new ArgumentException($"Import \"{Shoppers}\" or \"{Events}\".", nameof(kind)),
    };

    /// <summary>The stored error report for an id this importer issued, or null.</summary>
    public string? ReportPath(string id) =>
        Guid.TryParseExact(id, "N", out _) && File.Exists(Path.Combine(ReportFolder, id + ".csv")) ? Path.Combine(ReportFolder, id + ".csv") : null;

    private async Task<ImportResult> ImportAsync<TRow>(string kind, IRowImporter<TRow> importer, Stream csv, string actor, CancellationToken ct)
        where TRow : class
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default, leaveOpen: true);
        var errors = new List<ImportError>();
        long rows = 0, imported = 0, rejected = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Opened through EF Core so the connection interceptor applies Data:Synchronous to the bulk writes too.
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var batch = new List<TRow>(ImportLimits.BatchSize);
        CsvRow? row = null;
        while (reader.Read())
        {
            row ??= new CsvRow(reader, Columns(importer, reader.Headers ?? []), errors);
            row.Next();
            rows++;
            if (importer.Read(row) is not { } value)
            {
                rejected++;
                continue;
            }

            batch.Add(value);
            if (batch.Count == ImportLimits.BatchSize)
            {
                imported += await WriteAsync(connection, importer, batch, ct);
                batch.Clear();
            }
        }

        // A file with a header and no rows is still refused when the header lacks a column.
        if (row is null && reader.Headers is { } headers)
        {
            Columns(importer, headers);
        }

        imported += await WriteAsync(connection, importer, batch, ct);
        if (errors.Count > ImportLimits.MaxReportedErrors)
        {
            errors.RemoveRange(ImportLimits.MaxReportedErrors, errors.Count - ImportLimits.MaxReportedErrors);
        }

        var report = errors.Count > 0 ? await WriteReportAsync(errors, ct) : null;
        var dropped = importer.Suppressed + importer.WithoutConsent;
        var result = new ImportResult(
            kind, rows, imported, rows - rejected - imported - dropped, rejected, errors, report, importer.Suppressed, importer.WithoutConsent);
        var drops = dropped == 0 ? "" : $", {importer.WithoutConsent} without consent, {importer.Suppressed} suppressed";
        AuditTrail.Add(
            db, AuditTrail.Import, 0, actor, "imported",
            $"{kind}: {rows} rows, {imported} imported, {result.Unchanged} unchanged, {rejected} rejected{drops}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static IReadOnlyDictionary<string, int> Columns<TRow>(IRowImporter<TRow> importer, IReadOnlyList<string> headers)
        where TRow : class
    {
        var columns = CsvRow.Columns(headers, importer.RequiredColumns);
        importer.CheckColumns([.. columns.Keys]);
        return columns;
    }

    private static async Task<long> WriteAsync<TRow>(DbConnection connection, IRowImporter<TRow> importer, List<TRow> rows, CancellationToken ct)
        where TRow : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var written = await importer.WriteAsync(connection, transaction, rows, ct);
        await transaction.CommitAsync(ct);
        return written;
    }

    private async Task<string> WriteReportAsync(List<ImportError> errors, CancellationToken ct)
    {
        Directory.CreateDirectory(ReportFolder);
        var id = Guid.NewGuid().ToString("N");
        await using var file = File.Create(Path.Combine(ReportFolder, id + ".csv"));
        await using var text = new StreamWriter(file, new UTF8Encoding(false));
        using (var csv = CsvWriter.Create(text, CsvFiles.WriterOptions, leaveOpen: true))
        {
            csv.WriteRecords(errors.Select(error => new ImportErrorRow(error.Row, error.Column, error.Reason)));
        }

        await text.FlushAsync(ct);
        return id;
    }
}
