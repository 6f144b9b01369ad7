using System.Globalization;
using CsvHelper;

namespace AdStudio.Core.Infrastructure;

/// <summary>The one configuration every CSV file AdStudio writes goes through.</summary>
public static class CsvFiles
{
    /// <summary>
    /// Invariant numbers, and text fields that a spreadsheet would run as a formula (starting with <c>= + - @</c>, tab or
    /// CR) escaped with a leading apostrophe and quoted: shop data and uploaded names are written as text, never as formulas.
    /// </summary>
    public static CsvWriterOptions WriterOptions { get; } = CsvWriterOptions.Default with
    {
        FormatProvider = CultureInfo.InvariantCulture,
        Injection = CsvInjection.Escape,
    };
}
