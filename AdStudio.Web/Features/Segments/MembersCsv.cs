using System.Globalization;
using AdStudio.Core.Infrastructure;
using CsvHelper;

namespace AdStudio.Web.Features.Segments;

/// <summary>A segment's member ids as CSV: one column, through the shared CSV configuration (formula injection escaped).</summary>
public static class MembersCsv
{
    public static string Write(string column, IEnumerable<string> ids)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvFiles.WriterOptions, leaveOpen: true))
        {
            csv.WriteHeader(column);
            foreach (var id in ids)
            {
                csv.WriteRecord(id);
            }
        }

        return text.ToString();
    }
}
