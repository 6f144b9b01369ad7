using AdStudio.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Tests.Web.Hardening;

/// <summary>
/// One running app for the transport hardening tests, with small body limits (so an oversized request is a few
/// kilobytes, not megabytes) and short header and body-rate timeouts (so a stalled client is cut off in seconds).
/// </summary>
public sealed class HardenedAppHost : IAsyncLifetime, IDisposable
{
    public const int EventsBodyBytes = 64 * 1024;
    public const int UploadBodyBytes = 256 * 1024;
    public const int ImportBodyBytes = 256 * 1024;
    public const int MaxUploadBytes = 64 * 1024;
    public const int MaxFormParts = 50;

    public AppHost App { get; } = new(new Dictionary<string, string>
    {
        ["Limits:EventsBodyBytes"] = $"{EventsBodyBytes}",
        ["Limits:UploadBodyBytes"] = $"{UploadBodyBytes}",
        ["Limits:ImportBodyBytes"] = $"{ImportBodyBytes}",
        ["Limits:MaxFormParts"] = $"{MaxFormParts}",
        ["Limits:RequestHeadersTimeoutSeconds"] = "2",
        ["Limits:MinRequestBodyGraceSeconds"] = "2",
        ["Creatives:MaxUploadBytes"] = $"{MaxUploadBytes}",
    });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>xunit calls <see cref="DisposeAsync"/> first; this only covers a host that was never initialised.</summary>
    public void Dispose() => App.Dispose();

    public Task<RawHttp> ConnectAsync() => RawHttp.ConnectAsync(App.BaseAddress);

    /// <summary>What a refused request must not have changed: creatives (rows and image files), shoppers and events.</summary>
    public async Task<(int Creatives, int Files, int Shoppers, int Events)> StoredAsync()
    {
        await using var db = App.OpenDb();
        var folder = Path.Combine(App.DataDirectory, "creatives");
        // Image files wherever the app keeps them: its data folder (SQLite) or its database (PostgreSQL).
        var files = (Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0) + await db.StoredFiles.CountAsync();
        return (await db.Creatives.CountAsync(), files, await db.Shoppers.CountAsync(), await db.BehaviourEvents.CountAsync());
    }
}
