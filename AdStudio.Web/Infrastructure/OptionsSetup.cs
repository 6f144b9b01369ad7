using Microsoft.Extensions.Options;

namespace AdStudio.Web.Infrastructure;

public static class OptionsSetup
{
    /// <summary>Binds a feature's options to its section and checks them at start-up, so a bad setting fails fast with its name.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IHostApplicationBuilder builder, string sectionName)
        where T : class
    {
        var options = builder.Services.AddOptions<T>()
            .Bind(builder.Configuration.GetSection(sectionName))
            .ValidateDataAnnotations();
        options.ValidateOnStart();
        return options;
    }
}
