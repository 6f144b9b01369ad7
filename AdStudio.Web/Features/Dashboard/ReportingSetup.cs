using AdStudio.Core.Reporting;

namespace AdStudio.Web.Features.Dashboard;

public static class ReportingSetup
{
    public static IHostApplicationBuilder AddReporting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KpiQuery>();
        return builder;
    }
}
