namespace AdStudio.Core.Accounts;

/// <summary>The four roles, by the exact names users, tokens and the API use.</summary>
public static class Roles
{
    /// <summary>Users, storefront keys, settings, the job dashboard, steps that delete or copy data, raw-id exports; and everything below.</summary>
    public const string Admin = "admin";

    /// <summary>Segments, creatives, campaigns, experiments, import, model promotion, the other pipeline steps.</summary>
    public const string Marketer = "marketer";

    /// <summary>Approves or rejects creatives (never one they changed last).</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Reads results, models, segments, the audit log, and uses the calculators.</summary>
    public const string Analyst = "analyst";

    public static IReadOnlyList<string> All { get; } = [Admin, Marketer, Reviewer, Analyst];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
