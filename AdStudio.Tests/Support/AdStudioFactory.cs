using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdStudio.Tests.Support;

/// <summary>The real app on real Kestrel, with its data folder in a temporary directory and a small demo world.</summary>
internal sealed class AdStudioFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;

    public AdStudioFactory(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Directory", _dataDirectory);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Shoppers", "600");
        builder.UseSetting("Demo:Days", "7");
        builder.UseSetting("Demo:Seed", "5");
        builder.UseSetting("Serving:SnapshotRefreshSeconds", "1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
