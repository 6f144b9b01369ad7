namespace AdStudio.Web.Infrastructure;

/// <summary>Paths answered with problem details rather than the UI's not-found page.</summary>
public static class ApiPaths
{
    private static readonly string[] Prefixes = ["/api", "/serve", "/events", "/c/", "/i/", "/health", "/hangfire", "/creatives/files"];

    public static bool IsApi(PathString path)
    {
        foreach (var prefix in Prefixes)
        {
            if (path.StartsWithSegments(prefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
