namespace AdStudio.Core.Infrastructure.Files;

/// <summary>Checks a store path: relative, forward slashes, no empty, "." or ".." segment, so it cannot leave the store.</summary>
public static class StorePath
{
    public const int MaxLength = 300;

    /// <exception cref="ArgumentException">The path is not one the store accepts.</exception>
    public static string Checked(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Length > MaxLength || path.Contains('\\', StringComparison.Ordinal)
            || path.Split('/').Any(s => s.Length == 0 || s is "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a store path (relative, forward slashes, no empty or dot segments).", nameof(path));
        }

        return path;
    }
}
