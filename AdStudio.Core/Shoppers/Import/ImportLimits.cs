namespace AdStudio.Core.Shoppers.Import;

public static class ImportLimits
{
    public const int MaxReportedErrors = 10_000;
    public const int BatchSize = 2_000;
}
