using System.Text.RegularExpressions;

namespace AdStudio.Tests.Core.Architecture;

/// <summary>Every CSV file AdStudio writes goes through the one shared configuration that escapes formula injection.</summary>
public partial class CsvWriterConfigurationTests
{
    [Fact]
    public void Source_EveryCsvWriter_UsesTheSharedOptions()
    {
        var root = SolutionRoot();
        var writers = Directory.EnumerateFiles(Path.Combine(root, "AdStudio.Core"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "AdStudio.Web"), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => CsvWriterCreate().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Call: m.Value)))
            .ToList();

        Assert.True(writers.Count >= 4, $"Expected the CSV writers of results, offline results, import reports and member exports; found {writers.Count}.");
        Assert.All(writers, w => Assert.Contains("CsvFiles.WriterOptions", w.Call, StringComparison.Ordinal));
    }

    private static string SolutionRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AdStudio.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AdStudio.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"CsvWriter\.Create\([^;]*")]
    private static partial Regex CsvWriterCreate();
}
