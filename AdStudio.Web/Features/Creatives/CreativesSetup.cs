using AdStudio.Core.Creatives;
using AdStudio.Core.Creatives.Images;
using AdStudio.Web.Infrastructure;

namespace AdStudio.Web.Features.Creatives;

public static class CreativesSetup
{
    public static IHostApplicationBuilder AddCreatives(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<CreativeOptions>(CreativeOptions.SectionName)
            .Validate(o => o.CopyLimits.Values.All(l => l.Headline > 0 && l.Body >= 0), "Creatives:CopyLimits need a positive Headline and a Body of at least 0.");
        builder.Services.AddSingleton<CreativeStore>();
        builder.Services.AddSingleton<CreativeService>();
        return builder;
    }
}
