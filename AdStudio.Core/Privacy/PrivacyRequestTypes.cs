namespace AdStudio.Core.Privacy;

/// <summary>The kinds of <see cref="PrivacyRequest"/>.</summary>
public static class PrivacyRequestTypes
{
    public const string Access = "access";
    public const string Erasure = "erasure";
}
