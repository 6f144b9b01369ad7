using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace AdStudio.Web.Features.Migration;

/// <summary>
/// Copies one table from SQLite to PostgreSQL with a binary COPY: each value is read as SQLite stores it, turned into the
/// model's value by the source mapping and into PostgreSQL's by the target mapping, so ids and every column keep their values.
/// </summary>
public static class TableCopy
{
    public static async Task<long> CopyAsync(
        SqliteConnection source, IEntityType sourceType, NpgsqlConnection target, IEntityType targetType, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(targetType.GetTableName()!, targetType.GetSchema());
        var sourceTable = StoreObjectIdentifier.Table(sourceType.GetTableName()!, sourceType.GetSchema());
        var columns = targetType.GetProperties()
            .Concat(targetType.GetDerivedTypes().SelectMany(d => d.GetDeclaredProperties()))
            .Select(p => (Target: p, Source: sourceType.Model.FindEntityType(p.DeclaringType.Name)?.FindProperty(p.Name), Name: p.GetColumnName(table)))
            .Where(c => c.Name is not null && c.Source is not null)
            .DistinctBy(c => c.Name)
            .ToList();

        await using var read = source.CreateCommand();
        read.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Source!.GetColumnName(sourceTable)!)))} FROM {Quote(sourceTable.Name)}";
        await using var reader = await read.ExecuteReaderAsync(ct);

        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name!)))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await target.BeginBinaryImportAsync(copy, ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = Convert(reader, i, columns[i].Source!, columns[i].Target);
                if (value is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(value, DataTypeName(columns[i].Target), ct);
                }
            }

            rows++;
        }

        await writer.CompleteAsync(ct);
        return rows;
    }

    private static object? Convert(DbDataReader reader, int ordinal, IProperty source, IProperty target)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var sourceConverter = source.GetTypeMapping().Converter;
        var stored = Read(reader, ordinal, sourceConverter?.ProviderClrType ?? source.ClrType);
        var model = sourceConverter is null ? stored : sourceConverter.ConvertFromProvider(stored);
        var targetConverter = target.GetTypeMapping().Converter;
        return targetConverter is null ? model : targetConverter.ConvertToProvider(model);
    }

    // Microsoft.Data.Sqlite turns the stored text or integer into each CLR type the way EF Core wrote it.
    private static object Read(DbDataReader reader, int ordinal, Type type)
    {
        var clr = Nullable.GetUnderlyingType(type) ?? type;
        return clr switch
        {
            _ when clr == typeof(DateTime) => reader.GetDateTime(ordinal),
            _ when clr == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
            _ when clr == typeof(TimeSpan) => reader.GetFieldValue<TimeSpan>(ordinal),
            _ when clr == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when clr == typeof(Guid) => reader.GetGuid(ordinal),
            _ when clr == typeof(decimal) => reader.GetDecimal(ordinal),
            _ when clr == typeof(bool) => reader.GetBoolean(ordinal),
            _ when clr == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ when clr == typeof(string) => reader.GetString(ordinal),
            _ when clr.IsEnum => Enum.ToObject(clr, reader.GetInt64(ordinal)),
            _ => System.Convert.ChangeType(reader.GetValue(ordinal), clr, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    // COPY wants a bare type name: "character varying(256)" is "character varying".
    private static string DataTypeName(IProperty property)
    {
        var type = property.GetColumnType();
        var facet = type.IndexOf('(', StringComparison.Ordinal);
        return facet < 0 ? type : type[..facet].TrimEnd() + type[(type.IndexOf(')', StringComparison.Ordinal) + 1)..];
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
