using System.ComponentModel.DataAnnotations;

namespace AdStudio.Core.Creatives;

/// <summary>Upload limits and audit rules for creatives (section <c>Creatives</c>).</summary>
public sealed class CreativeOptions
{
    public const string SectionName = "Creatives";

    [Range(1024, 50 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest width × height an upload may declare before it is decoded (decompression bombs).</summary>
    [Range(1, 100_000_000)]
    public long MaxPixels { get; set; } = 16_000_000;

    /// <summary>Claims and words copy may not contain (matched case-insensitively, as whole words).</summary>
    public List<string> ForbiddenPhrases { get; set; } = [];

    /// <summary>Landing hosts allowed (a host or its subdomains); empty allows any https host.</summary>
    public List<string> AllowedLandingHosts { get; set; } = [];

    /// <summary>Longest headline and body per placement name, counting a placeholder at its worst case.</summary>
    public Dictionary<string, CopyLimit> CopyLimits { get; set; } = [];
}
