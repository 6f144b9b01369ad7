using AdStudio.Core.Infrastructure;
using AdStudio.Core.Pipeline;
using AdStudio.Core.Privacy;
using AdStudio.Core.Privacy.Consent;
using AdStudio.Core.Privacy.Retention;
using AdStudio.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdStudio.Web.Features.Privacy;

public static class PrivacySetup
{
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PrivacyOptions>(PrivacyOptions.SectionName);
        // DI factories are synchronous; this one runs once, after start-up has migrated the database (as the decision key).
        // On the thread pool: first resolved inside a Blazor render, blocking on the renderer's context deadlocked (PostgreSQL).
        builder.Services.AddSingleton(sp => Task.Run(() =>
            ShopperPseudonyms.LoadAsync(sp.GetRequiredService<IDbContextFactory<AdStudioDb>>(), CancellationToken.None)).GetAwaiter().GetResult());
        builder.Services.AddSingleton<IPipelineStep, RetentionStep>();
        builder.Services.AddSingleton<ConsentShareService>();
        builder.Services.AddSingleton<ShopperAccess>();
        builder.Services.AddSingleton<ShopperEraser>();
        builder.Services.AddSingleton<PrivacyRequestHistory>();
        builder.Services.AddSingleton<ErasureVacuum>();
        builder.Services.AddScoped<PrivacyRequestEvents>();
        builder.Services.AddHostedService<ErasureVacuumService>();
        return builder;
    }
}
