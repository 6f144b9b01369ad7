namespace AdStudio.Core.Privacy;

/// <summary>Where a <see cref="ConsentRecord"/> came from.</summary>
public static class ConsentSources
{
    /// <summary>A <c>consent</c> event on <c>POST /events</c>.</summary>
    public const string Event = "event";

    /// <summary>The shopper CSV import.</summary>
    public const string Import = "import";

    /// <summary>The demo world.</summary>
    public const string Demo = "demo";

    /// <summary>The consent flag of a version before consent records (both purposes).</summary>
    public const string Migrated = "migrated";
}
