using System.ComponentModel.DataAnnotations;

namespace AdStudio.Web.Infrastructure;

/// <summary>
/// Transport limits (section <c>Limits</c>): request body size per kind of endpoint, multipart form limits and
/// Kestrel's header and slow-client limits. A body over its limit is a <c>413</c>; a client that sends too slowly a <c>408</c>.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    private const string MaxBytes = "1099511627776";

    /// <summary>Largest <c>POST /serve</c> body.</summary>
    [Range(typeof(long), "256", MaxBytes)]
    public long ServeBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Largest <c>POST /events</c> body (a full batch of events with every optional field).</summary>
    [Range(typeof(long), "1024", MaxBytes)]
    public long EventsBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest JSON body of an <c>/api/*</c> endpoint; also Kestrel's limit for every request without a limit of its own.</summary>
    [Range(typeof(long), "1024", MaxBytes)]
    public long ApiBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest creative upload request (all files and their multipart framing together).</summary>
    [Range(typeof(long), "1024", MaxBytes)]
    public long UploadBodyBytes { get; set; } = 48 * 1024 * 1024;

    /// <summary>Largest CSV import request (multipart or <c>text/csv</c>).</summary>
    [Range(typeof(long), "1024", MaxBytes)]
    public long ImportBodyBytes { get; set; } = 256 * 1024 * 1024;

    /// <summary>Most parts (files and fields together) in one multipart upload or import.</summary>
    [Range(1, 100_000)]
    public int MaxFormParts { get; set; } = 100;

    /// <summary>Largest header block of one multipart part.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxPartHeaderBytes { get; set; } = 16 * 1024;

    /// <summary>Largest request line and headers together (Kestrel answers <c>431</c> above it).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>Time a client has to send the request line and headers (Kestrel answers <c>408</c> after it).</summary>
    [Range(1.0, 3600.0)]
    public double RequestHeadersTimeoutSeconds { get; set; } = 30;

    /// <summary>Slowest body upload tolerated after the grace period (a slower client gets <c>408</c>).</summary>
    [Range(1.0, 1_000_000.0)]
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>Seconds a body may arrive slower than <see cref="MinRequestBodyBytesPerSecond"/> before it is cut off (Kestrel needs more than 1).</summary>
    [Range(1.5, 3600.0)]
    public double MinRequestBodyGraceSeconds { get; set; } = 5;
}
