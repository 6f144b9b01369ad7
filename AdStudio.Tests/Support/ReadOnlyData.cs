using System.Diagnostics;
using System.Runtime.Versioning;
using AdStudio.Core.Infrastructure;

namespace AdStudio.Tests.Support;

/// <summary>
/// Makes the data folder and the database files read-only the way an operator's mistake or a read-only remount
/// would, and restores them on dispose. Permission bits stop every ordinary user; a root test process ignores
/// them, so there the files are also marked immutable (<c>chattr +i</c>), which root's writes respect too.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyData : IDisposable
{
    private static readonly string[] DatabaseSuffixes = ["", "-wal", "-shm"];

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
        | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly List<(string Path, UnixFileMode Mode)> _saved = [];
    private readonly bool _immutable;

    public ReadOnlyData(string directory)
    {
        var files = DatabaseSuffixes
            .Select(suffix => Path.Combine(directory, DataOptions.DatabaseFileName + suffix))
            .Where(File.Exists)
            .ToList();
        foreach (var file in files)
        {
            _saved.Add((file, File.GetUnixFileMode(file)));
            File.SetUnixFileMode(file, FileMode);
        }

        _saved.Add((directory, File.GetUnixFileMode(directory)));
        File.SetUnixFileMode(directory, FolderMode);
        if (Environment.IsPrivilegedProcess)
        {
            // Not the -shm file: SQLite maps it into memory, and ext4 answers a write to a mapped page of an
            // immutable file with SIGBUS, which permission bits never do. A new connection still opens the
            // database read-only, because the main file is immutable.
            Chattr("+i", [.. files.Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)), directory]);
            _immutable = true;
        }
    }

    public void Dispose()
    {
        if (_immutable)
        {
            Chattr("-i", _saved.Select(s => s.Path).ToArray());
        }

        foreach (var (path, mode) in _saved)
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static void Chattr(string flag, string[] paths)
    {
        var start = new ProcessStartInfo("chattr") { RedirectStandardError = true };
        start.ArgumentList.Add(flag);
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chattr {flag} failed: {error}");
        }
    }
}
