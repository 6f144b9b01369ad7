namespace AdStudio.Web.Infrastructure;

/// <summary>Names, once at start-up, each renamed setting the configuration still uses.</summary>
public sealed partial class LegacyShopSettingsWarning(IConfiguration configuration, ILogger<LegacyShopSettingsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var key in LegacyShopSettings.Used(configuration))
        {
            LogRenamed(key, key.Replace("Serving:", "Shop:", StringComparison.Ordinal));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting {OldKey} is deprecated and still read; rename it to {NewKey}.")]
    private partial void LogRenamed(string oldKey, string newKey);
}
